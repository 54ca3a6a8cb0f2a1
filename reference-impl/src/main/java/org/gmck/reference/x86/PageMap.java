package org.gmck.reference.x86;

/**
 * The pages of guest RAM that have been written, by page number: an open-addressing hash table with linear
 * probing over two parallel arrays (page numbers, pages). A lookup boxes no key and follows no chain of
 * nodes, which matters because a walk makes one lookup for every entry it reads. Guest RAM is sparse and may
 * be as large as MAXPHYADDR allows, so the table holds only the pages written, starts small and doubles
 * whenever it would be more than half full. Pages are never removed: once written, a page stays.
 */
final class PageMap {

    /** Quadwords in a 4 KiB page. */
    static final int QWORDS_PER_PAGE = 512;

    /** Small, so that an MMU that writes a handful of tables holds little, and a larger guest grows it. */
    private static final int FIRST_CAPACITY = 8;

    /** 2^64 divided by the golden ratio: spreads page numbers that lie at a power-of-two stride. */
    private static final long SPREAD = 0x9E37_79B9_7F4A_7C15L;

    private long[] numbers = new long[FIRST_CAPACITY];
    private long[][] pages = new long[FIRST_CAPACITY][];
    private int count;

    /** The page with this number, or {@code null} if it was never written (it reads as zero). */
    long[] get(long number) {
        long[][] held = pages;
        int mask = held.length - 1;
        for (int i = home(number, mask); ; i = (i + 1) & mask) {
            long[] page = held[i];
            if (page == null || numbers[i] == number) {
                return page;
            }
        }
    }

    /** The page with this number, added (all zero) if it was never written. */
    long[] getOrAdd(long number) {
        long[] page = get(number);
        if (page != null) {
            return page;
        }
        if (2 * (count + 1) > pages.length) {
            grow();
        }
        page = new long[QWORDS_PER_PAGE];
        place(number, page);
        count++;
        return page;
    }

    private static int home(long number, int mask) {
        return (int) ((number * SPREAD) >>> 32) & mask;
    }

    /** Puts a page that is not held yet into the first free slot from its home. */
    private void place(long number, long[] page) {
        int mask = pages.length - 1;
        int i = home(number, mask);
        while (pages[i] != null) {
            i = (i + 1) & mask;
        }
        numbers[i] = number;
        pages[i] = page;
    }

    private void grow() {
        long[] oldNumbers = numbers;
        long[][] oldPages = pages;
        numbers = new long[oldNumbers.length * 2];
        pages = new long[oldPages.length * 2][];
        for (int i = 0; i < oldPages.length; i++) {
            if (oldPages[i] != null) {
                place(oldNumbers[i], oldPages[i]);
            }
        }
    }
}
