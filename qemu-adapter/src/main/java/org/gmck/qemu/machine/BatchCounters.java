package org.gmck.qemu.machine;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Process-wide counts of the batch path: why queries were left to the single-step path (by reason), and
 * where the time of a batch went (by phase, in nanoseconds summed over threads). For reports and
 * benchmarks; the counts do not influence any answer.
 */
public final class BatchCounters {

    /** Phases of a batch whose time is counted. */
    public enum Phase {
        /** Encoding queries into records (host). */
        ENCODE,
        /** Writing records into guest memory (gdbstub packets). */
        WRITE,
        /** Loading the loop's registers and running it to its breakpoint (guest). */
        GUEST,
        /** Reading the results back (gdbstub packets). */
        READ,
        /** Putting the loop in place (descriptor tables, pages) and restarting QEMU after a shutdown. */
        SETUP,
        /** Queries the single-step path answered inside a batch. */
        SINGLE_STEP
    }

    private static final Map<String, LongAdder> REASONS = new ConcurrentHashMap<>();
    private static final Map<Phase, LongAdder> NANOS = new ConcurrentHashMap<>();

    private BatchCounters() {}

    static void fellBack(String reason) {
        REASONS.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    static void time(Phase phase, long nanos) {
        NANOS.computeIfAbsent(phase, p -> new LongAdder()).add(nanos);
    }

    /** Queries left to the single-step path, by reason, since the last reset. */
    public static Map<String, Long> fallbacks() {
        Map<String, Long> m = new TreeMap<>();
        REASONS.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    /** Milliseconds spent in each phase since the last reset, summed over threads. */
    public static Map<Phase, Long> millis() {
        Map<Phase, Long> m = new java.util.EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            LongAdder a = NANOS.get(p);
            m.put(p, a == null ? 0 : a.sum() / 1_000_000);
        }
        return m;
    }

    public static void reset() {
        REASONS.clear();
        NANOS.clear();
    }
}
