package org.gmck.bench.differential;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gmck.differential.CaseGenerator;
import org.gmck.differential.CaseSpec;
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

/**
 * The differential run against QEMU, timed both ways on the same cases' generator: every access
 * single-stepped through the gdbstub, and batches of cases run in the guest. Two workers, as the
 * differential test runs it (one QEMU per worker and CPU model); the reference's own share is timed apart,
 * on one thread.
 */
public final class QemuDifferentialThroughput {

    private QemuDifferentialThroughput() {}

    /**
     * One measurement.
     *
     * @param singleCases cases run single-stepped
     * @param singlePerSecond their rate
     * @param batchedCases cases run in batches
     * @param batchedPerSecond their rate
     * @param batch cases a worker puts at once
     * @param stats what the batches single-stepped and where their time went
     * @param referencePerSecond the reference alone, one thread
     * @param unexplained disagreements outside the baseline in either run (0 expected)
     */
    public record Result(
            long singleCases,
            double singlePerSecond,
            long batchedCases,
            double batchedPerSecond,
            int batch,
            QemuBatching.Stats stats,
            double referencePerSecond,
            long unexplained) {

        /** How many times faster the batched run was. */
        public double ratio() {
            return batchedPerSecond / singlePerSecond;
        }
    }

    /** Why nothing can be measured here, if so (QEMU is missing). */
    public static Optional<String> unavailable() {
        return QemuInstallation.unavailableReason();
    }

    /** Measures both paths, {@code quick} with fewer cases. */
    public static Result measure(boolean quick) throws Exception {
        ConformanceAdapter reference = adapter("reference");
        ConformanceAdapter qemu = adapter("qemu");
        long singleCases = quick ? 300 : 2_000;
        long batchedCases = quick ? 8_000 : 100_000;
        int batch = 5_000;
        // warm up both paths on cases of another seed: machines started, the batch loop loaded, code compiled
        run(reference, Engine.of(qemu, new QemuClassifier()), 30, 1, 2);
        long t0 = System.nanoTime();
        RunReport single = run(reference, Engine.of(qemu, new QemuClassifier()), singleCases, 1, 1);
        long t1 = System.nanoTime();
        QemuBatching.resetStats();
        Engine batched = Engine.batched(
                qemu, cases -> QemuBatching.observeAll(cases, c -> Observation.of(qemu, c)), new QemuClassifier());
        run(reference, batched, quick ? 2_000 : 20_000, batch, 2);
        QemuBatching.resetStats();
        long t2 = System.nanoTime();
        RunReport many = run(reference, batched, batchedCases, batch, 1);
        long t3 = System.nanoTime();
        QemuBatching.Stats stats = QemuBatching.stats();
        long refCases = quick ? 2_000 : 20_000;
        long t4 = System.nanoTime();
        for (long i = 0; i < refCases; i++) {
            CaseSpec c = CaseGenerator.caseAt(7, i);
            Observation.of(reference, c);
        }
        long t5 = System.nanoTime();
        return new Result(
                single.run(),
                single.run() / ((t1 - t0) / 1e9),
                many.run(),
                many.run() / ((t3 - t2) / 1e9),
                batch,
                stats,
                refCases / ((t5 - t4) / 1e9),
                single.unexplained() + many.unexplained());
    }

    /** The section of RESULTS.md: the measurement, or why it was skipped. */
    public static String section(boolean quick) {
        StringBuilder md = new StringBuilder("### QEMU 7.2\n\n");
        md.append("The differential run (random cases on the reference and on the engine, each answer classified) with "
                + "two workers, as `DifferentialRunTest` runs it: every access single-stepped, then batches of cases "
                + "run in the guest, each timed after a warm-up on cases of another seed. The reference's own rate "
                + "(one thread) shows its share.\n\n");
        md.append("| Engine | Single-step cases/s | Batched cases/s | Ratio | Batch | Cases single/batched | "
                + "Reference alone cases/s |\n| --- | ---: | ---: | ---: | ---: | --- | ---: |\n");
        Optional<String> missing = unavailable();
        if (missing.isPresent()) {
            return md.append("| QEMU 7.2 | skipped: ")
                    .append(missing.get())
                    .append(" | | | | | |\n\n")
                    .toString();
        }
        Result r;
        try {
            r = measure(quick);
        } catch (Exception e) {
            return md.append("| QEMU 7.2 | failed: ")
                    .append(e)
                    .append(" | | | | | |\n\n")
                    .toString();
        }
        md.append(String.format(
                Locale.ROOT,
                "| QEMU 7.2 | %,.0f | %,.0f | %.1f | %d | %,d / %,d | %,.0f |%n%n",
                r.singlePerSecond(),
                r.batchedPerSecond(),
                r.ratio(),
                r.batch(),
                r.singleCases(),
                r.batchedCases(),
                r.referencePerSecond()));
        md.append("Batched: ").append(r.stats().summary()).append(".\n\n");
        md.append("Where the batches' time went (summed over both workers): ")
                .append(r.stats().timing())
                .append(". Unexplained disagreements in either run: ")
                .append(r.unexplained())
                .append(".\n\n");
        return md.toString();
    }

    /** Prints the section alone ({@code -Dbench.quick=true} for fewer cases). */
    public static void main(String[] args) {
        System.out.print(section(Boolean.getBoolean("bench.quick")));
        System.exit(0);
    }

    private static RunReport run(ConformanceAdapter reference, Engine engine, long cases, int batch, long seed)
            throws Exception {
        return new DifferentialRun(
                        "throughput", seed, cases, Shard.ALL, 2, c -> Observation.of(reference, c), List.of(engine))
                .withBatch(batch)
                .run();
    }

    private static ConformanceAdapter adapter(String name) {
        return InstalledAdapters.named(name);
    }
}
