package org.gmck.bench;

import java.util.Locale;

/**
 * One time target of the benchmarks: the figure's name (the key its value is found by in the next run's
 * "previous" column), the target (a ratio, or microseconds a page), this run's value and the verdict.
 */
record Target(String figure, double target, double value, String verdict) {

    /** The target as written in RESULTS.md: a ratio "20x", or "2 us" for a time a page. */
    String targetText() {
        String t = target == Math.rint(target) ? String.valueOf((long) target) : format(target);
        return figure.startsWith("SyncCR3") ? t + " us" : t + "x";
    }

    /** A figure with two decimals under 10, one under 100, none above. */
    static String format(double value) {
        String pattern = value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
