package org.gmck.qemu.binding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.gmck.qemu.machine.BatchCounters;
import org.gmck.spi.x86.CpuModel;

/**
 * Puts many cases to QEMU at once. Each case is put through the SPI as usual (so its observation is made by
 * the same code as a single case's), but while a batch runs the MMU's queries go to a per-thread cache: a
 * first round of putting every case notes the queries they need, the machine answers all of them in the
 * guest in one batch (see {@link org.gmck.qemu.machine.QemuMachine#accessAll}), and the cases are put again
 * until every query was answered (a successful access needs a second round for its follow-up queries). A
 * query the batch loop cannot express goes to the single-step path inside the batch; {@link #stats} counts
 * them.
 */
public final class QemuBatching {

    private static final int ROUNDS = 4;
    private static final ThreadLocal<Map<String, QueryCache>> ACTIVE = new ThreadLocal<>();
    private static final AtomicLong CASES = new AtomicLong();
    private static final AtomicLong CASES_FELL_BACK = new AtomicLong();
    private static final AtomicLong QUERIES = new AtomicLong();
    private static final AtomicLong QUERIES_FELL_BACK = new AtomicLong();

    private static final AtomicLong OBSERVE_NANOS = new AtomicLong();

    private QemuBatching() {}

    /**
     * How many cases and queries went through batches, how many of them the single-step path answered and
     * why, and where the time went.
     *
     * @param cases cases put through {@link #observeAll}
     * @param casesFellBack cases at least one of whose queries was single-stepped
     * @param queries machine queries answered for those cases
     * @param queriesFellBack queries the single-step path answered
     * @param reasons why queries were single-stepped, with their counts
     * @param millis milliseconds per phase of the machine's batches, summed over threads
     * @param observeMillis milliseconds spent putting cases through the SPI on the host, summed over threads
     */
    public record Stats(
            long cases,
            long casesFellBack,
            long queries,
            long queriesFellBack,
            Map<String, Long> reasons,
            Map<BatchCounters.Phase, Long> millis,
            long observeMillis) {

        /** One line for a report: what was batched, what fell back and why. */
        public String summary() {
            return String.format(
                    "%,d cases batched in the guest, %,d of them (%.2f%%) with a query single-stepped; "
                            + "%,d of %,d queries (%.2f%%) single-stepped%s",
                    cases,
                    casesFellBack,
                    cases == 0 ? 0.0 : 100.0 * casesFellBack / cases,
                    queriesFellBack,
                    queries,
                    queries == 0 ? 0.0 : 100.0 * queriesFellBack / queries,
                    reasons.isEmpty() ? "" : " (" + reasons + ")");
        }

        /** Where the time went, in milliseconds summed over threads. */
        public String timing() {
            return "host SPI work " + observeMillis + " ms; machine " + millis;
        }
    }

    /** The counts since the last {@link #resetStats}, over all threads. */
    public static Stats stats() {
        return new Stats(
                CASES.get(),
                CASES_FELL_BACK.get(),
                QUERIES.get(),
                QUERIES_FELL_BACK.get(),
                BatchCounters.fallbacks(),
                BatchCounters.millis(),
                OBSERVE_NANOS.get() / 1_000_000);
    }

    public static void resetStats() {
        BatchCounters.reset();
        OBSERVE_NANOS.set(0);
        CASES.set(0);
        CASES_FELL_BACK.set(0);
        QUERIES.set(0);
        QUERIES_FELL_BACK.set(0);
    }

    /**
     * {@code observe} applied to every case, with QEMU's accesses batched; {@code observe} must put its case
     * to the QEMU adapter through the SPI and may be called several times per case.
     */
    public static <C, T> List<T> observeAll(List<C> cases, Function<C, T> observe) {
        if (ACTIVE.get() != null) {
            throw new IllegalStateException("batches do not nest");
        }
        Map<String, QueryCache> caches = new LinkedHashMap<>();
        ACTIVE.set(caches);
        List<T> results = new ArrayList<>(java.util.Collections.nCopies(cases.size(), null));
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            pending.add(i);
        }
        boolean[] fellBack = new boolean[cases.size()];
        try {
            for (int round = 0; round < ROUNDS && !pending.isEmpty(); round++) {
                List<Integer> next = new ArrayList<>();
                for (int i : pending) {
                    caches.values().forEach(QueryCache::startCase);
                    long t0 = System.nanoTime();
                    T t = observe.apply(cases.get(i));
                    OBSERVE_NANOS.addAndGet(System.nanoTime() - t0);
                    if (caches.values().stream().anyMatch(QueryCache::missed)) {
                        next.add(i);
                    } else {
                        results.set(i, t);
                        fellBack[i] = caches.values().stream().anyMatch(QueryCache::fellBack);
                    }
                }
                pending = next;
                for (QueryCache c : caches.values()) {
                    int single = c.runPending();
                    QUERIES_FELL_BACK.addAndGet(single);
                }
            }
        } finally {
            ACTIVE.remove();
        }
        for (int i : pending) {
            // more rounds than a case needs: put it alone, single-stepped
            results.set(i, observe.apply(cases.get(i)));
            fellBack[i] = true;
        }
        CASES.addAndGet(cases.size());
        for (boolean f : fellBack) {
            CASES_FELL_BACK.addAndGet(f ? 1 : 0);
        }
        return results;
    }

    /** This thread's cache for a machine while a batch runs, or null. */
    static QueryCache active(CpuModel model, long guestRamBytes) {
        Map<String, QueryCache> caches = ACTIVE.get();
        if (caches == null) {
            return null;
        }
        String key = MachinePool.key(model, guestRamBytes);
        return caches.computeIfAbsent(key, k -> new QueryCache(MachinePool.machine(model, guestRamBytes)));
    }

    static void countQueries(int n) {
        QUERIES.addAndGet(n);
    }
}
