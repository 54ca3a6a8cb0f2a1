package org.gmck.reference.pgm.shadow;

import java.util.Arrays;

/**
 * A set of page addresses kept sorted in one array of longs, so that asking whether a page is in it, which the
 * fault handler and every guest write do, boxes nothing: a binary search over the few pages a guest's paging
 * structures take. It only grows; {@link #clear()} empties it.
 */
final class PageSet {

    private long[] pages = new long[4];
    private int size;

    /** Adds the page; whether it was not in the set before. */
    boolean add(long page) {
        int found = Arrays.binarySearch(pages, 0, size, page);
        if (found >= 0) {
            return false;
        }
        int at = -found - 1;
        if (size == pages.length) {
            pages = Arrays.copyOf(pages, 2 * size);
        }
        System.arraycopy(pages, at, pages, at + 1, size - at);
        pages[at] = page;
        size++;
        return true;
    }

    boolean contains(long page) {
        return Arrays.binarySearch(pages, 0, size, page) >= 0;
    }

    void clear() {
        size = 0;
    }

    /** The pages in ascending order. */
    long[] sorted() {
        return Arrays.copyOf(pages, size);
    }
}
