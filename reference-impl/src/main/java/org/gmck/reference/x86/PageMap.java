package org.gmck.reference.x86;

/**
 * The written pages of guest RAM by page number: an open-addressed hash table of primitive keys (linear
 * probing, at most half full), so that finding a page is one multiply, a probe of a {@code long[]} and a load
 * of the page, with no boxed key and no node to follow. Pages are only ever added.
 */
final class PageMap {

    private static final int FIRST_CAPACITY = 64;
    /** Fibonacci hashing: the page number times 2^64 divided by the golden ratio, top bits taken. */
    private static final long SPREAD = 0x9E37_79B9_7F4A_7C15L;

    private long[] keys = new long[FIRST_CAPACITY];
    private long[][] pages = new long[FIRST_CAPACITY][];
    private int shift = Long.SIZE - Integer.numberOfTrailingZeros(FIRST_CAPACITY);
    private int size;

    /** The page with this number, or null if it was never written. */
    long[] get(long pageNumber) {
        long[] k = keys;
        int mask = k.length - 1;
        for (int i = slot(pageNumber); ; i = (i + 1) & mask) {
            long[] page = pages[i];
            if (page == null || k[i] == pageNumber) {
                return page;
            }
        }
    }

    /** The page with this number, made (all zero, {@code words} long) if it was never written. */
    long[] getOrCreate(long pageNumber, int words) {
        long[] found = get(pageNumber);
        if (found != null) {
            return found;
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        long[] page = new long[words];
        put(pageNumber, page);
        size++;
        return page;
    }

    private int slot(long pageNumber) {
        return (int) ((pageNumber * SPREAD) >>> shift);
    }

    private void put(long pageNumber, long[] page) {
        int mask = keys.length - 1;
        int i = slot(pageNumber);
        while (pages[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = pageNumber;
        pages[i] = page;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[][] oldPages = pages;
        keys = new long[oldKeys.length * 2];
        pages = new long[oldKeys.length * 2][];
        shift--;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldPages[i] != null) {
                put(oldKeys[i], oldPages[i]);
            }
        }
    }
}
