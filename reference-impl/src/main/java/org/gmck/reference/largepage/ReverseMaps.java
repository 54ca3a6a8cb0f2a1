package org.gmck.reference.largepage;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reverse mappings from guest-physical memory to the shadow entries that map it: one map for 4 KB entries
 * (page-table entries, by guest page) and one for 2 MB entries (page-directory entries, by guest frame),
 * which seed 004 adds so that write-protecting a page can find and zap the large entries covering it.
 */
final class ReverseMaps {

    private final Map<Long, Set<Long>> pteMaps = new HashMap<>();
    private final Map<Long, Set<Long>> pdeMaps = new HashMap<>();

    void addPte(long gpaPage, long address) {
        pteMaps.computeIfAbsent(gpaPage, k -> new TreeSet<>()).add(address);
    }

    void removePte(long gpaPage, long address) {
        remove(pteMaps, gpaPage, address);
    }

    void addPde(long gpaFrame, long address) {
        pdeMaps.computeIfAbsent(gpaFrame, k -> new TreeSet<>()).add(address);
    }

    void removePde(long gpaFrame, long address) {
        remove(pdeMaps, gpaFrame, address);
    }

    /** The addresses of the 4 KB shadow entries mapping the guest page (a copy). */
    Set<Long> ptesOf(long gpaPage) {
        return new TreeSet<>(pteMaps.getOrDefault(gpaPage, Set.of()));
    }

    /** The addresses of the 2 MB shadow entries mapping the guest frame (a copy). */
    Set<Long> pdesOf(long gpaFrame) {
        return new TreeSet<>(pdeMaps.getOrDefault(gpaFrame, Set.of()));
    }

    private static void remove(Map<Long, Set<Long>> maps, long key, long address) {
        Set<Long> set = maps.get(key);
        set.remove(address);
        if (set.isEmpty()) {
            maps.remove(key);
        }
    }
}
