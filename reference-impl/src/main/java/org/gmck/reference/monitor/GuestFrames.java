package org.gmck.reference.monitor;

import java.util.Arrays;
import java.util.LinkedHashSet;

/**
 * Per guest physical page, packed in arrays: the host page serving it (or none) and how many guest
 * mappings point at it; and the resident pages in the order they were last used.
 */
final class GuestFrames {

    static final long NONE = -1;

    private final long[] hostPage;
    private final int[] mappings;
    /** The resident guest pages, least recently used first. */
    private final LinkedHashSet<Integer> residentByUse = new LinkedHashSet<>();

    GuestFrames(int pages) {
        hostPage = new long[pages];
        mappings = new int[pages];
        Arrays.fill(hostPage, NONE);
    }

    int size() {
        return hostPage.length;
    }

    long hostPage(int pfn) {
        return hostPage[pfn];
    }

    /** The guest page is served by {@code page} from now on, and counts as just used. */
    void pageIn(int pfn, long page) {
        hostPage[pfn] = page;
        residentByUse.add(pfn);
    }

    /** The guest page is no longer resident; returns the host page that served it. */
    long pageOut(int pfn) {
        long page = hostPage[pfn];
        hostPage[pfn] = NONE;
        residentByUse.remove(pfn);
        return page;
    }

    /** A resident guest page was used: it becomes the most recently used. */
    void touch(int pfn) {
        residentByUse.remove(pfn);
        residentByUse.add(pfn);
    }

    void addMapping(int pfn) {
        mappings[pfn]++;
    }

    /** Drops one guest mapping of the page; returns how many remain. */
    int removeMapping(int pfn) {
        return --mappings[pfn];
    }

    /** The resident guest page used least recently, or -1 when none is resident. */
    int leastRecentlyUsed() {
        return residentByUse.isEmpty() ? -1 : residentByUse.iterator().next();
    }
}
