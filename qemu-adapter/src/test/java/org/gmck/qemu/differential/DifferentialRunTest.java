package org.gmck.qemu.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.gmck.differential.DifferentialRun;
import org.gmck.differential.Engine;
import org.gmck.differential.InstalledAdapters;
import org.gmck.differential.Observation;
import org.gmck.differential.RunReport;
import org.gmck.differential.Shard;
import org.gmck.differential.qemu.QemuClassifier;
import org.gmck.qemu.binding.QemuBatching;
import org.gmck.qemu.process.QemuInstallation;
import org.gmck.spi.ConformanceAdapter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The differential run: random paging-structure hierarchies in every paging mode, each run on the
 * reference and on QEMU through the SPI. Every disagreement is explained by a QEMU 7.2 deviation of the
 * baseline (or a difference the SDM permits), or reported with a shrunk, replayable case and fails the run.
 *
 * <p>{@code -Ddifferential.cases=N} (default 300; the {@code differential} profile runs 100,000),
 * {@code -Ddifferential.seed=S}, {@code -Ddifferential.workers=W} (default 2, one QEMU per worker and CPU
 * model), {@code -Ddifferential.shard=I/N} (this job's share of the cases), {@code -Ddifferential.batch=N}
 * (default {@value #DEFAULT_BATCH}, fewer when the run is small: a worker puts N cases at once to QEMU,
 * which runs their accesses in the guest; 1 single-steps every access). The report goes to {@code target/differential/report.md} and {@code
 * report.json}; the markdown ends with how many cases the batch path left to the single-step path. Skipped
 * without QEMU.
 */
class DifferentialRunTest {

    /** Cases a worker puts to QEMU at once unless {@code -Ddifferential.batch} says otherwise. */
    static final int DEFAULT_BATCH = 5000;

    /** The batch size unless {@code -Ddifferential.batch} says otherwise: a small run still gives every worker a few batches. */
    static int batch(long cases, int workers) {
        return Integer.getInteger("differential.batch", (int)
                Math.max(1, Math.min(DEFAULT_BATCH, cases / (2L * workers))));
    }

    static ConformanceAdapter adapter(String name) {
        return InstalledAdapters.named(name);
    }

    /** QEMU as an engine: one case at a time through the SPI, or {@code batch} cases at once in the guest. */
    static Engine engine(int batch) {
        ConformanceAdapter qemu = adapter("qemu");
        if (batch == 1) {
            return Engine.of(qemu, new QemuClassifier());
        }
        return Engine.batched(
                qemu, cases -> QemuBatching.observeAll(cases, c -> Observation.of(qemu, c)), new QemuClassifier());
    }

    @Test
    void qemuAgreesWithTheReferenceOutsideTheBaseline() throws Exception {
        Optional<String> missing = QemuInstallation.unavailableReason();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Skipped: " + missing.orElse(""));
        long cases = Long.getLong("differential.cases", 300);
        ConformanceAdapter reference = adapter("reference");
        int workers = Integer.getInteger("differential.workers", 2);
        int batch = batch(cases, workers);
        QemuBatching.resetStats();
        long start = System.nanoTime();
        RunReport report = new DifferentialRun(
                        "Differential run: reference against QEMU",
                        Long.getLong("differential.seed", 1),
                        cases,
                        Shard.fromSystemProperty(),
                        workers,
                        c -> Observation.of(reference, c),
                        List.of(engine(batch)))
                .withBatch(batch)
                .run();
        double seconds = (System.nanoTime() - start) / 1e9;
        Path out = Path.of("target", "differential");
        report.write(out);
        String how = batch == 1
                ? String.format("Every access single-stepped: %,d cases in %.1f s.%n", report.run(), seconds)
                : String.format(
                        "Batches of %d cases run in the guest: %,d cases in %.1f s (%,.0f cases/s); %s.%n",
                        batch,
                        report.run(),
                        seconds,
                        report.run() / seconds,
                        QemuBatching.stats().summary());
        Files.writeString(out.resolve("report.md"), "\n" + how, StandardOpenOption.APPEND);
        System.out.println(report.markdown());
        System.out.println(how);
        if (batch > 1) {
            System.out.println("Batch timing: " + QemuBatching.stats().timing());
        }
        assertEquals(
                0,
                report.unexplained(),
                () -> report.unexplained() + " of " + report.run()
                        + " cases disagree outside the QEMU 7.2 baseline; see "
                        + out.resolve("report.md").toAbsolutePath() + " for minimal cases");
    }
}
