package org.gmck.reference.monitor;

import java.util.Arrays;

/**
 * Per guest physical page, packed in arrays: the host page serving it (or none), when it was last used,
 * and how many guest mappings point at it.
 */
final class GuestFrames {

    static final long NONE = -1;

    private final long[] hostPage;
    private final long[] lastUse;
    private final int[] mappings;
    private long clock;

    GuestFrames(int pages) {
        hostPage = new long[pages];
        lastUse = new long[pages];
        mappings = new int[pages];
        Arrays.fill(hostPage, NONE);
    }

    int size() {
        return hostPage.length;
    }

    long hostPage(int pfn) {
        return hostPage[pfn];
    }

    void setHostPage(int pfn, long page) {
        hostPage[pfn] = page;
    }

    void touch(int pfn) {
        lastUse[pfn] = ++clock;
    }

    void addMapping(int pfn) {
        mappings[pfn]++;
    }

    /** Drops one guest mapping of the page; returns how many remain. */
    int removeMapping(int pfn) {
        return --mappings[pfn];
    }

    /** The resident guest page used least recently, or -1 (a page is touched when paged in, so no two tie). */
    int leastRecentlyUsed() {
        int best = -1;
        for (int pfn = 0; pfn < hostPage.length; pfn++) {
            if (hostPage[pfn] != NONE && (best < 0 || lastUse[pfn] < lastUse[best])) {
                best = pfn;
            }
        }
        return best;
    }
}
