package org.gmck.bench.differential;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gmck.bochs.binding.BochsAdapter;
import org.gmck.bochs.binding.BochsBatch;
import org.gmck.bochs.process.BochsInstallation;
import org.gmck.differential.CaseGenerator;
import org.gmck.differential.CaseSpec;
import org.gmck.differential.Observation;

/**
 * How fast Bochs answers differential cases, one query at a time (as certification and the shrinking of a finding
 * put them) and in batches (as the differential runs put them), on one thread each: the same generator's cases
 * (about two thirds are decided without Bochs, questions its CPU cannot stand for), observed as {@link
 * Observation#of} observes them. Each side first boots its Bochs on a few cases outside the timing.
 */
public final class BochsDifferentialThroughput {

    /** Cases a batch puts at once (the differential runs' default). */
    public static final int BATCH = 2000;

    /**
     * The measured figures.
     *
     * @param accesses accesses of the batched cases that went to Bochs (their register load succeeded)
     * @param fallbacks of those, the ones put again one query at a time
     * @param machine time the batched side spent in the batch machine (Bochs and the writes' planning)
     */
    public record Figures(
            long singleCases,
            Duration single,
            long batchedCases,
            Duration batched,
            long accesses,
            long fallbacks,
            Duration machine) {

        public double singlePerSecond() {
            return singleCases / (single.toNanos() / 1e9);
        }

        public double batchedPerSecond() {
            return batchedCases / (batched.toNanos() / 1e9);
        }
    }

    private BochsDifferentialThroughput() {}

    /** Why Bochs cannot be measured here, if it cannot. */
    public static Optional<String> unavailable() {
        return BochsInstallation.unavailableReason();
    }

    /** Measures {@code singleCases} cases one query at a time and {@code batchedCases} in batches. */
    public static Figures measure(int singleCases, int batchedCases) {
        BochsAdapter bochs = new BochsAdapter();
        long seed = 7;
        Observation.of(bochs, CaseGenerator.caseAt(seed, 0));
        long t0 = System.nanoTime();
        for (int i = 0; i < singleCases; i++) {
            Observation.of(bochs, CaseGenerator.caseAt(seed, 1 + i));
        }
        Duration single = Duration.ofNanos(System.nanoTime() - t0);
        try (BochsBatch batch = new BochsBatch()) {
            observe(bochs, batch, cases(seed, 1_000_000, 50));
            long accesses0 = batch.accesses();
            Duration machine0 = batch.machineTime();
            long t1 = System.nanoTime();
            for (int from = 0; from < batchedCases; from += BATCH) {
                observe(bochs, batch, cases(seed, 1 + from, Math.min(BATCH, batchedCases - from)));
            }
            Duration batched = Duration.ofNanos(System.nanoTime() - t1);
            return new Figures(
                    singleCases,
                    single,
                    batchedCases,
                    batched,
                    batch.accesses() - accesses0,
                    batch.fallbacks(),
                    batch.machineTime().minus(machine0));
        }
    }

    private static List<CaseSpec> cases(long seed, long from, int n) {
        List<CaseSpec> c = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            c.add(CaseGenerator.caseAt(seed, from + i));
        }
        return c;
    }

    /** The cases' observations through a batch, recorded as {@link Observation#of} records them. */
    static List<Observation> observe(BochsAdapter bochs, BochsBatch batch, List<CaseSpec> specs) {
        return Observation.ofAll(bochs, specs, batch::accessAll);
    }

    /** The "Differential throughput" section of RESULTS.md (a smoke run with {@code quick}). */
    public static String section(boolean quick) {
        StringBuilder md = new StringBuilder("### Bochs 2.7\n\n");
        md.append("Random differential cases (`CaseGenerator`, every paging mode; some are questions an engine's CPU "
                + "cannot stand for and are decided without it) put to an engine on one thread, observed as the "
                + "differential runs observe them: one query at a time (as certification and shrinking put them) "
                + "and in batches the engine's guest code runs in one go (as the differential runs put them). "
                + "Each side boots its engine before the timing.\n\n");
        md.append("| Engine | One at a time, cases/s | Batched, cases/s | Ratio | Cases (one at a time / batched) | "
                + "Fell back |\n| --- | ---: | ---: | ---: | --- | ---: |\n");
        Optional<String> no = unavailable();
        if (no.isPresent()) {
            return md.append("| Bochs 2.7 | skipped: ")
                    .append(no.get())
                    .append(" | | | | |\n\n")
                    .toString();
        }
        Figures f = measure(quick ? 100 : 600, quick ? 4000 : 40_000);
        return md.append(String.format(
                        Locale.ROOT,
                        "| Bochs 2.7 | %,.0f | %,.0f | **%.1fx** | %,d / %,d | %,d of %,d |%n%n",
                        f.singlePerSecond(),
                        f.batchedPerSecond(),
                        f.batchedPerSecond() / f.singlePerSecond(),
                        f.singleCases(),
                        f.batchedCases(),
                        f.fallbacks(),
                        f.accesses()))
                .toString();
    }

    /** Measures once and prints the figures, then the section of RESULTS.md ({@code -Dquick=true}: a smoke run). */
    public static void main(String[] args) {
        Optional<String> no = unavailable();
        if (no.isPresent()) {
            System.out.println("skipped: " + no.get());
            return;
        }
        Figures f = measure(Integer.getInteger("single", 300), Integer.getInteger("batched", 20_000));
        System.out.printf(
                Locale.ROOT,
                "one query at a time: %,d cases in %.1f s, %,.0f cases/s%n"
                        + "batched: %,d cases in %.1f s, %,.0f cases/s (%,d accesses made, %,d fell back; "
                        + "%.1f s in the batch machine)%nratio %.1fx%n",
                f.singleCases(),
                f.single().toMillis() / 1000.0,
                f.singlePerSecond(),
                f.batchedCases(),
                f.batched().toMillis() / 1000.0,
                f.batchedPerSecond(),
                f.accesses(),
                f.fallbacks(),
                f.machine().toMillis() / 1000.0,
                f.batchedPerSecond() / f.singlePerSecond());
        System.out.println();
        System.out.print(section(Boolean.getBoolean("quick")));
    }
}
