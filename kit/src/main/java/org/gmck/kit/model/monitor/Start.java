package org.gmck.kit.model.monitor;

import java.util.List;

/**
 * How a monitor sequence starts: the monitor's size, the guest mappings written before the first operation
 * (some guest pages at several linear pages) and the linear pages the guest reads through first, so that
 * every sequence begins with pages mapped and resident and its operations go straight to aliases, eviction
 * and reuse.
 *
 * @param geometry the guest's size and the host page array
 * @param mappings guest mappings, in the order written
 * @param touches  indices into {@code mappings} of the linear pages read through, in order
 */
record Start(Geometry geometry, List<Mapping> mappings, List<Integer> touches) {

    /** One guest mapping: a linear page (by its pick), a guest page (by its pick, or another mapping's) and rights. */
    record Mapping(int linearPick, int pagePick, boolean alias, boolean writable, boolean user) {}

    Start {
        mappings = List.copyOf(mappings);
        touches = List.copyOf(touches);
    }

    @Override
    public String toString() {
        return geometry + ", " + mappings.size() + " mappings, " + touches.size() + " reads";
    }
}
