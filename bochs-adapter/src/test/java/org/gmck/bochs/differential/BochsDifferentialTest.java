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
import org.gmck.spi.ConformanceAdapter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The differential run of Bochs alone against the reference, batched: random cases, each of Bochs's
 * disagreements classified by what is known of it (CONFORMANCE.md, "Bochs 2.7 against the kit"); the run fails
 * on anything unexplained.
 *
 * <p>Runs under the {@code differential-bochs} profile ({@code -Ddifferential.bochs=true}), with {@code
 * -Ddifferential.cases=N} (default 100,000), {@code -Ddifferential.batch=N} (cases Bochs runs at once, default
 * 2,000), {@code -Ddifferential.seed=S}, {@code -Ddifferential.workers=W} (one Bochs each) and {@code
 * -Ddifferential.shard=I/N}. The report goes to {@code target/differential-bochs/report.md} and {@code
 * report.json}; the markdown ends with how many cases were batched and how many fell back.
 */
class BochsDifferentialTest {

    private static ConformanceAdapter adapter(String name) {
        return InstalledAdapters.named(name);
    }

    @Test
    void bochsDisagreesWithTheReferenceOnlyWhereItIsExplained() throws Exception {
        Assumptions.assumeTrue(
                Boolean.getBoolean("differential.bochs"),
                "Skipped: the Bochs differential run is the differential-bochs profile");
        Optional<String> noBochs = BochsInstallation.unavailableReason();
        Assumptions.assumeTrue(noBochs.isEmpty(), () -> "Skipped: " + noBochs.orElse(""));
        ConformanceAdapter reference = adapter("reference");
        ConformanceAdapter bochs = adapter("bochs");
        int batch = Integer.getInteger("differential.batch", 2000);
        BatchedBochs batched = new BatchedBochs(bochs);
        RunReport report;
        try (batched) {
            report = new DifferentialRun(
                            "Differential run: reference and Bochs",
                            Long.getLong("differential.seed", 1),
                            Long.getLong("differential.cases", 100_000),
                            Shard.fromSystemProperty(),
                            Integer.getInteger("differential.workers", 2),
                            c -> Observation.of(reference, c),
                            List.of(
                                    batch > 1
                                            ? Engine.batched(bochs, batched::observe, new BochsClassifier())
                                            : Engine.of(bochs, new BochsClassifier())))
                    .withBatch(batch)
                    .run();
        }
        Path out = Path.of("target", "differential-bochs");
        report.write(out);
        String line = batch > 1 ? batched.summary() : "Bochs: one query at a time (no batches)";
        BatchedBochs.note(out, line);
        System.out.println(report.markdown());
        System.out.println(line);
        assertEquals(
                0,
                report.unexplained(),
                () -> report.unexplained() + " of " + report.run() + " cases disagree unexplained; see "
                        + out.resolve("report.md").toAbsolutePath());
    }
}
