package org.gmck.bench.x86;

/**
 * The reference's representation of guest RAM since the fourth round, rebuilt here (the reference's class is
 * package-private): 4 KiB pages of 512 quadwords by page number in an open-addressing hash table with linear
 * probing over two parallel arrays, the page number spread by a multiplication by 2^64 divided by the golden
 * ratio, starting at 8 slots and doubling before it is more than half full. A floor loads through it as a
 * walk in full does.
 */
final class PageMapMirror {

    private static final long SPREAD = 0x9E37_79B9_7F4A_7C15L;

    private long[] numbers = new long[8];
    private long[][] pages = new long[8][];
    private int count;

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

    long[] getOrAdd(long number) {
        long[] page = get(number);
        if (page != null) {
            return page;
        }
        if (2 * (count + 1) > pages.length) {
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
        page = new long[512];
        place(number, page);
        count++;
        return page;
    }

    private static int home(long number, int mask) {
        return (int) ((number * SPREAD) >>> 32) & mask;
    }

    private void place(long number, long[] page) {
        int mask = pages.length - 1;
        int i = home(number, mask);
        while (pages[i] != null) {
            i = (i + 1) & mask;
        }
        numbers[i] = number;
        pages[i] = page;
    }
}
