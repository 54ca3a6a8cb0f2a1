package org.gmck.bench.differential;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.gmck.differential.CaseGenerator;
import org.gmck.differential.CaseSpec;
import org.gmck.differential.DifferentialRun;
import org.gmck.differential.Engine;
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
        int batch = 2_000;
        // warm up: machines started, classes loaded
        run(reference, Engine.of(qemu, new QemuClassifier()), 30, 1);
        long t0 = System.nanoTime();
        RunReport single = run(reference, Engine.of(qemu, new QemuClassifier()), singleCases, 1);
        long t1 = System.nanoTime();
        QemuBatching.resetStats();
        Engine batched = Engine.batched(
                qemu, cases -> QemuBatching.observeAll(cases, c -> Observation.of(qemu, c)), new QemuClassifier());
        long t2 = System.nanoTime();
        RunReport many = run(reference, batched, batchedCases, batch);
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

    /** Runs the measurement alone and prints it ({@code -Dbench.quick=true} for fewer cases). */
    public static void main(String[] args) throws Exception {
        Optional<String> missing = unavailable();
        if (missing.isPresent()) {
            System.out.println("skipped: " + missing.get());
            return;
        }
        Result r = measure(Boolean.getBoolean("bench.quick"));
        System.out.printf(
                "single-step %,.0f cases/s (%,d cases); batched %,.0f cases/s (%,d cases, batch %d); ratio %.1f; "
                        + "reference alone %,.0f cases/s; unexplained %d%n%s%n%s%n",
                r.singlePerSecond(),
                r.singleCases(),
                r.batchedPerSecond(),
                r.batchedCases(),
                r.batch(),
                r.ratio(),
                r.referencePerSecond(),
                r.unexplained(),
                r.stats().summary(),
                r.stats().timing());
        System.exit(0);
    }

    private static RunReport run(ConformanceAdapter reference, Engine engine, long cases, int batch) throws Exception {
        return new DifferentialRun(
                        "throughput", 1, cases, Shard.ALL, 2, c -> Observation.of(reference, c), List.of(engine))
                .withBatch(batch)
                .run();
    }

    private static ConformanceAdapter adapter(String name) {
        return ServiceLoader.load(ConformanceAdapter.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(a -> a.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no adapter named " + name));
    }
}
