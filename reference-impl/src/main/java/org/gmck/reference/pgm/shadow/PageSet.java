package org.gmck.reference.pgm.shadow;

import java.util.Arrays;

/**
 * A set of page addresses in one open-addressing table of longs with linear probing, so that asking whether a
 * page is in it, which the fault handler does for every table a walk went through and every guest write does
 * once, boxes nothing and costs one probe or two, however many pages the guest's paging structures take. It
 * only grows (doubling before it is half full); {@link #clear()} empties it.
 */
final class PageSet {

    /** No page address is negative: it marks a free slot. */
    private static final long FREE = -1;

    /** 2^64 divided by the golden ratio: spreads page addresses, which differ only from bit 12 up. */
    private static final long SPREAD = 0x9E37_79B9_7F4A_7C15L;

    /** Small, so that the guest's first few tables already make it grow. */
    private long[] slots = emptySlots(4);

    private int size;

    /** Adds the page; whether it was not in the set before. */
    boolean add(long page) {
        int slot = slotOf(page);
        if (slots[slot] == page) {
            return false;
        }
        if (2 * (size + 1) > slots.length) {
            grow();
            slot = slotOf(page);
        }
        slots[slot] = page;
        size++;
        return true;
    }

    boolean contains(long page) {
        return slots[slotOf(page)] == page;
    }

    void clear() {
        Arrays.fill(slots, FREE);
        size = 0;
    }

    /** The pages in ascending order. */
    long[] sorted() {
        long[] pages = new long[size];
        int n = 0;
        for (long slot : slots) {
            if (slot != FREE) {
                pages[n++] = slot;
            }
        }
        Arrays.sort(pages);
        return pages;
    }

    /** The slot that holds the page, or the free slot where it would go. */
    private int slotOf(long page) {
        int mask = slots.length - 1;
        int i = (int) ((page * SPREAD) >>> 32) & mask;
        while (slots[i] != FREE && slots[i] != page) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] old = slots;
        slots = emptySlots(old.length * 2);
        for (long page : old) {
            if (page != FREE) {
                slots[slotOf(page)] = page;
            }
        }
    }

    private static long[] emptySlots(int length) {
        long[] slots = new long[length];
        Arrays.fill(slots, FREE);
        return slots;
    }
}
