package org.gmck.differential;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a run counted for one engine.
 *
 * @param identical   cases whose observations were the reference's exactly
 * @param classes     cases per known class (one case may show several)
 * @param unexplained cases per unexplained signature
 */
public record EngineTally(long identical, SortedMap<String, Long> classes, SortedMap<String, Long> unexplained) {

    public EngineTally {
        classes = new TreeMap<>(classes);
        unexplained = new TreeMap<>(unexplained);
    }

    /** Both tallies added. */
    public EngineTally plus(EngineTally other) {
        return new EngineTally(
                identical + other.identical,
                Counts.sum(classes, other.classes),
                Counts.sum(unexplained, other.unexplained));
    }

    /** Unexplained cases in all. */
    public long unexplainedTotal() {
        return unexplained.values().stream().mapToLong(Long::longValue).sum();
    }
}
