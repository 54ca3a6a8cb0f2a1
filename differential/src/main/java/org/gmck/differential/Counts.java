package org.gmck.differential;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/** Adding up the maps of counts and of examples that shard reports carry. */
final class Counts {

    private Counts() {}

    static SortedMap<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
        return combine(a, b, Long::sum);
    }

    static SortedMap<String, Example> first(Map<String, Example> a, Map<String, Example> b) {
        return combine(a, b, Example::first);
    }

    private static <V> SortedMap<String, V> combine(Map<String, V> a, Map<String, V> b, BinaryOperator<V> f) {
        SortedMap<String, V> out = new TreeMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, f));
        return out;
    }
}
