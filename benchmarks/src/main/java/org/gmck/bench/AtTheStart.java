package org.gmck.bench;

import java.util.Map;
import java.util.Optional;

/**
 * The time targets' figures when the speed work began: RESULTS.md of 2026-12-02 (the run after the walker's
 * first fixes, the figures the speed targets were set against), by the name each target has in this run. A
 * figure that run did not measure has none: the writes through the shadow were then judged against the fault
 * alone, and the batch floor made an array in each call (80.8 ns then, 31.5 ns without it now).
 */
final class AtTheStart {

    static final String DATE = "2026-12-02";

    private static final Map<String, Double> FIGURES = Map.ofEntries(
            Map.entry("walker, 32-bit, 4 KiB", 4.76),
            Map.entry("walker, 32-bit, 4 MiB", 4.30),
            Map.entry("walker, PAE, 4 KiB", 6.04),
            Map.entry("walker, PAE, 2 MiB", 6.02),
            Map.entry("walker, 4-level, 4 KiB", 4.10),
            Map.entry("walker, 4-level, 2 MiB", 4.31),
            Map.entry("walker, 4-level, 1 GiB", 3.50),
            Map.entry("walker, 5-level, 4 KiB", 4.20),
            Map.entry("walker, 5-level, 2 MiB", 4.07),
            Map.entry("walker, 5-level, 1 GiB", 5.09),
            Map.entry("GMM one-page round trip", 85.0),
            Map.entry("GMM batch of 64", 36.0),
            Map.entry("SyncCR3 + resync at 1,024 pages (median)", 13.71),
            Map.entry("sync fault through the shadow, against its walk floor", 135.0),
            // 6,659 ns through the shadow against 88.4 ns for the same fault in guest physical memory
            Map.entry("allocate on write through the shadow, against the same fault in guest physical memory", 75.3),
            // 2,383 ns against 1,093.9 ns
            Map.entry("copy on write through the shadow, against the same fault in guest physical memory", 2.18));

    private AtTheStart() {}

    /** The figure of the target named {@code figure} when the work began, if that run measured it. */
    static Optional<Double> figure(String figure) {
        return Optional.ofNullable(FIGURES.get(figure));
    }
}
