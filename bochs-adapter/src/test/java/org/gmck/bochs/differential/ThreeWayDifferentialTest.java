package org.gmck.bochs.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gmck.bochs.process.BochsInstallation;
import org.gmck.differential.DifferentialRun;
import org.gmck.differential.Engine;
import org.gmck.differential.InstalledAdapters;
import org.gmck.differential.Observation;
import org.gmck.differential.RunReport;
import org.gmck.differential.Shard;
import org.gmck.differential.bochs.BochsClassifier;
import org.gmck.differential.qemu.QemuClassifier;
import org.gmck.qemu.binding.QemuBatching;
import org.gmck.qemu.process.QemuInstallation;
import org.gmck.spi.ConformanceAdapter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The three-way differential run: the same random cases on the reference, QEMU and Bochs. Each engine's
 * disagreements are classified by what is known of it, and a case where QEMU and Bochs agree with each other
 * against the reference is reported first; the run fails on anything unexplained, agreements first.
 *
 * <p>Runs under the {@code differential3} profile ({@code -Ddifferential.threeway=true}), with {@code
 * -Ddifferential.cases=N} (default 2,000), {@code -Ddifferential.seed=S}, {@code -Ddifferential.workers=W}
 * and {@code -Ddifferential.shard=I/N}. Both engines are put their cases in batches their guest code runs in one
 * go (Bochs through {@link BatchedBochs}, QEMU through {@code QemuBatching}) of {@code -Ddifferential.batch=N}
 * cases (default 5,000; 1 puts them one query at a time, as certification does). The report goes to {@code
 * target/differential3/report.md} and {@code report.json}; the report's markdown ends with how many of each
 * engine's cases were batched and how many fell back to one query at a time.
 */
class ThreeWayDifferentialTest {

    private static ConformanceAdapter adapter(String name) {
        return InstalledAdapters.named(name);
    }

    @Test
    void qemuAndBochsDisagreeWithTheReferenceOnlyWhereItIsExplained() throws Exception {
        Assumptions.assumeTrue(
                Boolean.getBoolean("differential.threeway"), "Skipped: the three-way run is the differential3 profile");
        Optional<String> noQemu = QemuInstallation.unavailableReason();
        Assumptions.assumeTrue(noQemu.isEmpty(), () -> "Skipped: " + noQemu.orElse(""));
        Optional<String> noBochs = BochsInstallation.unavailableReason();
        Assumptions.assumeTrue(noBochs.isEmpty(), () -> "Skipped: " + noBochs.orElse(""));
        ConformanceAdapter reference = adapter("reference");
        ConformanceAdapter bochs = adapter("bochs");
        ConformanceAdapter qemu = adapter("qemu");
        QemuBatching.resetStats();
        int batch = Integer.getInteger("differential.batch", 5000);
        BatchedBochs batched = new BatchedBochs(bochs);
        RunReport report;
        try (batched) {
            report = new DifferentialRun(
                            "Three-way differential run: reference, QEMU and Bochs",
                            Long.getLong("differential.seed", 1),
                            Long.getLong("differential.cases", 2000),
                            Shard.fromSystemProperty(),
                            Integer.getInteger("differential.workers", 2),
                            c -> Observation.of(reference, c),
                            List.of(
                                    batch > 1
                                            ? Engine.batched(
                                                    qemu,
                                                    cases -> QemuBatching.observeAll(
                                                            cases, c -> Observation.of(qemu, c)),
                                                    new QemuClassifier())
                                            : Engine.of(qemu, new QemuClassifier()),
                                    batch > 1
                                            ? Engine.batched(bochs, batched::observe, new BochsClassifier())
                                            : Engine.of(bochs, new BochsClassifier())))
                    .withBatch(batch)
                    .run();
        }
        Path out = Path.of("target", "differential3");
        report.write(out);
        BatchedBochs.note(
                out,
                batch > 1
                        ? batched.summary() + System.lineSeparator() + System.lineSeparator() + "QEMU: "
                                + QemuBatching.stats().summary()
                        : "QEMU and Bochs: one query at a time (no batches)");
        System.out.println(report.markdown());
        assertEquals(
                0,
                report.unexplainedAgreementTotal(),
                () -> report.unexplainedAgreementTotal()
                        + " cases where QEMU and Bochs agree against the reference are not settled in CONFORMANCE.md;"
                        + " see " + out.resolve("report.md").toAbsolutePath());
        assertEquals(
                0,
                report.unexplained(),
                () -> report.unexplained() + " of " + report.run() + " cases disagree unexplained; see "
                        + out.resolve("report.md").toAbsolutePath());
    }
}
