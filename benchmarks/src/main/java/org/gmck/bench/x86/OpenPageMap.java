package org.gmck.bench.x86;

/**
 * A second floor's memory: pages by page number in an open-addressed table of primitive keys (linear
 * probing, at most half full, Fibonacci hashing), the scheme the reference's guest RAM uses, so that the
 * walker can also be set against dependent loads that pay no boxed key and no hash-map node.
 */
final class OpenPageMap {

    private static final long SPREAD = 0x9E37_79B9_7F4A_7C15L;

    private long[] keys = new long[64];
    private long[][] pages = new long[64][];
    private int shift = 64 - 6;
    private int size;

    long[] get(long pageNumber) {
        int mask = keys.length - 1;
        for (int i = (int) ((pageNumber * SPREAD) >>> shift); ; i = (i + 1) & mask) {
            long[] page = pages[i];
            if (page == null || keys[i] == pageNumber) {
                return page;
            }
        }
    }

    void put(long pageNumber, long[] page) {
        if (get(pageNumber) != null) {
            throw new IllegalStateException("page " + pageNumber + " is there already");
        }
        if (2 * (size + 1) > keys.length) {
            long[] oldKeys = keys;
            long[][] oldPages = pages;
            keys = new long[oldKeys.length * 2];
            pages = new long[oldKeys.length * 2][];
            shift--;
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldPages[i] != null) {
                    put(oldKeys[i], oldPages[i]);
                }
            }
        }
        int mask = keys.length - 1;
        int i = (int) ((pageNumber * SPREAD) >>> shift);
        while (pages[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = pageNumber;
        pages[i] = page;
        size++;
    }
}
