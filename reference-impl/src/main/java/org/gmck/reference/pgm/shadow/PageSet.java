package org.gmck.reference.pgm.shadow;

import java.util.Arrays;

/**
 * A set of page addresses (multiples of 4 KiB) in one open-addressing array of longs, so that asking whether a
 * page is in it, which the fault handler and every guest write do, boxes nothing. It only grows; {@link #clear()}
 * empties it.
 */
final class PageSet {

    /** Marks a free slot: no page address is odd. */
    private static final long FREE = -1;
    /** Spreads page numbers over the slots (Fibonacci hashing): a guest's tables often sit in consecutive pages. */
    private static final long SPREAD = 0x9E37_79B9_7F4A_7C15L;

    private long[] slots = newSlots(4);
    private int size;

    /** Adds the page; whether it was not in the set before. */
    boolean add(long page) {
        int i = slot(page);
        if (slots[i] == page) {
            return false;
        }
        slots[i] = page;
        size++;
        if (2 * size > slots.length) {
            grow();
        }
        return true;
    }

    boolean contains(long page) {
        return slots[slot(page)] == page;
    }

    void clear() {
        Arrays.fill(slots, FREE);
        size = 0;
    }

    /** The pages in ascending order. */
    long[] sorted() {
        long[] pages = new long[size];
        int n = 0;
        for (long s : slots) {
            if (s != FREE) {
                pages[n++] = s;
            }
        }
        Arrays.sort(pages);
        return pages;
    }

    /** The slot holding {@code page}, or the free slot where it goes: the set is never full. */
    private int slot(long page) {
        int mask = slots.length - 1;
        int i = (int) ((page >>> 12) * SPREAD >>> 32) & mask;
        while (slots[i] != FREE && slots[i] != page) {
            i = i + 1 & mask;
        }
        return i;
    }

    private void grow() {
        long[] old = slots;
        slots = newSlots(2 * old.length);
        for (long page : old) {
            if (page != FREE) {
                slots[slot(page)] = page;
            }
        }
    }

    private static long[] newSlots(int length) {
        long[] slots = new long[length];
        Arrays.fill(slots, FREE);
        return slots;
    }
}
