package org.gmck.qemu.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gmck.differential.DifferentialRun;
import org.gmck.differential.Engine;
import org.gmck.differential.FixtureCases;
import org.gmck.differential.Observation;
import org.gmck.differential.RunReport;
import org.gmck.differential.Shard;
import org.gmck.differential.qemu.QemuClassifier;
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
        RunReport report = new DifferentialRun(
                        "x86 fixtures (" + sample + " per file): reference against QEMU",
                        0,
                        fixtures.size(),
                        Shard.fromSystemProperty(),
                        Integer.getInteger("differential.workers", 2),
                        c -> Observation.of(reference, c),
                        List.of(Engine.of(DifferentialRunTest.adapter("qemu"), new QemuClassifier())))
                .withCases(fixtures)
                .run();
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
