package org.gmck.qemu.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.gmck.differential.DifferentialRun;
import org.gmck.differential.Engine;
import org.gmck.differential.Observation;
import org.gmck.differential.RunReport;
import org.gmck.differential.Shard;
import org.gmck.differential.qemu.QemuClassifier;
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
 * model), {@code -Ddifferential.shard=I/N} (this job's share of the cases). The report goes to {@code
 * target/differential/report.md} and {@code report.json}. Skipped without QEMU.
 */
class DifferentialRunTest {

    static ConformanceAdapter adapter(String name) {
        return ServiceLoader.load(ConformanceAdapter.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(a -> a.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no adapter named " + name));
    }

    @Test
    void qemuAgreesWithTheReferenceOutsideTheBaseline() throws Exception {
        Optional<String> missing = QemuInstallation.unavailableReason();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Skipped: " + missing.orElse(""));
        long cases = Long.getLong("differential.cases", 300);
        ConformanceAdapter reference = adapter("reference");
        RunReport report = new DifferentialRun(
                        "Differential run: reference against QEMU",
                        Long.getLong("differential.seed", 1),
                        cases,
                        Shard.fromSystemProperty(),
                        Integer.getInteger("differential.workers", 2),
                        c -> Observation.of(reference, c),
                        List.of(Engine.of(adapter("qemu"), new QemuClassifier())))
                .run();
        Path out = Path.of("target", "differential");
        report.write(out);
        System.out.println(report.markdown());
        assertEquals(
                0,
                report.unexplained(),
                () -> report.unexplained() + " of " + report.run()
                        + " cases disagree outside the QEMU 7.2 baseline; see "
                        + out.resolve("report.md").toAbsolutePath() + " for minimal cases");
    }
}
