package org.gmck.qemu.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gmck.differential.DifferentialRun;
import org.gmck.differential.FixtureCases;
import org.gmck.differential.Observation;
import org.gmck.differential.RunReport;
import org.gmck.differential.Shard;
import org.gmck.qemu.binding.QemuBatching;
import org.gmck.qemu.process.QemuInstallation;
import org.gmck.spi.ConformanceAdapter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every case of {@code x86-fixtures/} (or the first K of each file) run on the reference and on QEMU and
 * compared like the random differential run: each disagreement must be one of QEMU 7.2's known deviations (or
 * a difference the SDM permits, or a question the harness cannot ask). This is finer than the rule-level
 * baseline: it says which deviation explains each failing fixture case, and names the case by file and id.
 *
 * <p>QEMU answers in batches run in its guest, as in the random run ({@code -Ddifferential.batch=1}: one case at
 * a time through the SPI; {@code BatchEquivalenceTest} shows both ways give the same observations).
 *
 * <p>Runs with {@code -Dfixtures.differential=K|all}. {@code -Ddifferential.shard=I/N} runs the cases whose
 * index in that sample leaves remainder I divided by N, and {@code -Ddifferential.workers=W} as in the random
 * run. The report goes to {@code target/differential/fixtures/report.md} and {@code report.json}; the shards'
 * reports merge like the random run's ({@code MergeDirectoryTest} in {@code differential/}).
 */
class FixtureDifferentialTest {

    private static final Path FIXTURES = Path.of("..", "x86-fixtures");

    @Test
    void everyFixtureDisagreementIsAKnownDeviation() throws Exception {
        String sample = System.getProperty("fixtures.differential", "").strip();
        Assumptions.assumeFalse(sample.isEmpty(), "Skipped: set -Dfixtures.differential=K (cases per file) or =all");
        Optional<String> missing = QemuInstallation.unavailableReason();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Skipped: " + missing.orElse(""));
        int perFile = sample.equals("all") ? Integer.MAX_VALUE : Integer.parseInt(sample);
        FixtureCases fixtures = FixtureCases.read(FIXTURES, perFile);
        ConformanceAdapter reference = DifferentialRunTest.adapter("reference");
        int workers = Integer.getInteger("differential.workers", 2);
        int batch = DifferentialRunTest.batch(fixtures.size(), workers);
        QemuBatching.resetStats();
        long start = System.nanoTime();
        RunReport report = new DifferentialRun(
                        "x86 fixtures (" + sample + " per file): reference against QEMU",
                        0,
                        fixtures.size(),
                        Shard.fromSystemProperty(),
                        workers,
                        c -> Observation.of(reference, c),
                        List.of(DifferentialRunTest.engine(batch)))
                .withCases(fixtures)
                .withBatch(batch)
                .run();
        System.out.printf(
                "%,d fixture cases in batches of %d in %.1f s; %s.%n",
                report.run(),
                batch,
                (System.nanoTime() - start) / 1e9,
                QemuBatching.stats().summary());
        Path out = Path.of("target", "differential", "fixtures");
        report.write(out);
        System.out.println(report.markdown());
        assertEquals(
                0,
                report.unexplained(),
                () -> report.unexplained() + " of " + report.run()
                        + " fixture cases disagree outside the QEMU 7.2 baseline; see "
                        + out.resolve("report.md").toAbsolutePath());
    }
}
