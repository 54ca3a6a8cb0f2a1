package org.gmck.reference.monitor;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * Per guest physical page, kept only for the pages that have one: the host page serving it (or none) and
 * how many guest mappings point at it; and the resident pages in the order they were last used. Nothing is
 * kept per page up front, so a guest of any size up to {@link Integer#MAX_VALUE} pages costs nothing until
 * it maps its pages.
 */
final class GuestFrames {

    static final long NONE = -1;

    private final int size;
    /** Keyed by guest page number as a long, so that a number beyond the guest finds nothing. */
    private final Map<Long, Long> hostPage = new HashMap<>();

    private final Map<Integer, Integer> mappings = new HashMap<>();
    /** The resident guest pages, least recently used first. */
    private final LinkedHashSet<Integer> residentByUse = new LinkedHashSet<>();

    GuestFrames(int pages) {
        size = pages;
    }

    int size() {
        return size;
    }

    /** The host page serving the guest page, or {@link #NONE} (always for a number outside the guest). */
    long hostPage(long pfn) {
        return hostPage.getOrDefault(pfn, NONE);
    }

    /** The guest page is served by {@code page} from now on, and counts as just used. */
    void pageIn(int pfn, long page) {
        hostPage.put((long) pfn, page);
        residentByUse.add(pfn);
    }

    /** The guest page is no longer resident; returns the host page that served it. */
    long pageOut(int pfn) {
        long page = hostPage(pfn);
        hostPage.remove((long) pfn);
        residentByUse.remove(pfn);
        return page;
    }

    /** A resident guest page was used: it becomes the most recently used. */
    void touch(int pfn) {
        residentByUse.remove(pfn);
        residentByUse.add(pfn);
    }

    void addMapping(int pfn) {
        mappings.merge(pfn, 1, Integer::sum);
    }

    /** Drops one guest mapping of the page; returns how many remain. */
    int removeMapping(int pfn) {
        int left = mappings.getOrDefault(pfn, 0) - 1;
        if (left == 0) {
            mappings.remove(pfn);
        } else {
            mappings.put(pfn, left);
        }
        return left;
    }

    /** The resident guest page used least recently, or -1 when none is resident. */
    int leastRecentlyUsed() {
        return residentByUse.isEmpty() ? -1 : residentByUse.iterator().next();
    }
}
