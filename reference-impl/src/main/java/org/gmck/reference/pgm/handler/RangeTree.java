package org.gmck.reference.pgm.handler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Handlers keyed by the ranges they cover, which never overlap (the AVL tree with range keys of the
 * sources). Ranges are ordered by their first byte as unsigned numbers.
 */
final class RangeTree<T> {

    private final TreeMap<Long, T> byFirst = new TreeMap<>(Long::compareUnsigned);
    private final Function<T, PageRange> rangeOf;

    RangeTree(Function<T, PageRange> rangeOf) {
        this.rangeOf = rangeOf;
    }

    /**
     * The handler whose range overlaps {@code range}, if any: the ranges in the tree do not overlap, so only
     * the last one starting at or below {@code range}'s last byte can, and it does unless it ends below it.
     */
    Optional<T> overlapping(PageRange range) {
        Map.Entry<Long, T> below = byFirst.floorEntry(range.last());
        if (below != null && !rangeOf.apply(below.getValue()).endsBelow(range.first())) {
            return Optional.of(below.getValue());
        }
        return Optional.empty();
    }

    /** The handler whose range holds {@code address}, if any. */
    Optional<T> at(long address) {
        Map.Entry<Long, T> below = byFirst.floorEntry(address);
        if (below != null && rangeOf.apply(below.getValue()).contains(address)) {
            return Optional.of(below.getValue());
        }
        return Optional.empty();
    }

    void insert(T handler) {
        byFirst.put(rangeOf.apply(handler).first(), handler);
    }

    void remove(T handler) {
        byFirst.remove(rangeOf.apply(handler).first());
    }

    List<T> all() {
        return new ArrayList<>(byFirst.values());
    }
}
