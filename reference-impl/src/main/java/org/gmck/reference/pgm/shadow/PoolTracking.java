package org.gmck.reference.pgm.shadow;

import java.util.Arrays;

/**
 * Which shadow page-table entries map a guest page, kept in the 32-bit tracking word of the page's own record
 * (seed 000, "Per-VM": the bits that "track which shadow page tables are currently mapping a page") in later
 * VirtualBox's format: bits 13:0 an index, bits 15:14 a reference count.
 * <ul>
 *   <li>0: no shadow entry maps the page;</li>
 *   <li>count 1: one entry of the shadow page table with that pool index maps it; the record's shadow PTE
 *       index says which entry;</li>
 *   <li>count 3 ({@link #PHYSEXT}): the index names a chain of physical extents, each listing up to three
 *       references (a pool index and the index of the entry in that table), one for each entry that maps
 *       the page.</li>
 * </ul>
 * When all but one of a page's entries are gone, its word and PTE index name that one entry directly again.
 * Every reference names its entry exactly, so a change to the page drops the entries that map it without
 * searching their tables.
 *
 * <p>The extents live in two packed arrays, never an object per page. They are handed out in order and
 * all taken back together when the shadow is flushed ({@link #clear()}); there are at most
 * {@link #MAX_EXTENTS}, as many as a 14-bit index can name, and the shadow tables flush themselves before
 * they could need more ({@link #room()}).
 */
final class PoolTracking {

    /** Where the tracking words and PTE indices live: the guest page records. */
    interface Words {
        /** Keeps no words: every page reads as mapped by nothing. */
        Words NONE = new Words() {
            @Override
            public int get(long gcPhysPage) {
                return 0;
            }

            @Override
            public int pteIndex(long gcPhysPage) {
                return 0;
            }

            @Override
            public void set(long gcPhysPage, int word, int pteIndex) {}
        };

        int get(long gcPhysPage);

        /** The entry index that goes with a tracking word of count 1. */
        int pteIndex(long gcPhysPage);

        void set(long gcPhysPage, int word, int pteIndex);
    }

    /** Extent indices are 14 bits; 0x3FFF is later VirtualBox's overflow marker, never handed out. */
    static final int MAX_EXTENTS = 0x3FFF;

    static final int PHYSEXT = 3;
    private static final int INDEX_MASK = 0x3FFF;
    private static final int COUNT_SHIFT = 14;
    private static final int SINGLE = 1 << COUNT_SHIFT;
    /** A reference packs a pool index (bits 13:0) and an entry index (bits 23:14). */
    private static final int ENTRY_SHIFT = 14;

    private static final int SLOTS = 3;
    private static final int EMPTY = -1;
    private static final int[] NONE = new int[0];

    private final Words words;
    /** Extent {@code e} holds references in {@code slots[3e]} to {@code slots[3e + 2]}, or {@link #EMPTY}. */
    private int[] slots = new int[SLOTS];
    /** The extent after extent {@code e} in its chain, or {@link #EMPTY}. */
    private int[] next = new int[1];
    /** Extents handed out since the last {@link #clear()}. */
    private int used;

    PoolTracking(Words words) {
        this.words = words;
    }

    /** The reference to entry {@code entry} of the shadow page table with pool index {@code table}. */
    static int reference(int table, int entry) {
        return entry << ENTRY_SHIFT | table;
    }

    /** The pool index of the table a reference names. */
    static int table(int reference) {
        return reference & INDEX_MASK;
    }

    /** The entry index a reference names. */
    static int entry(int reference) {
        return reference >>> ENTRY_SHIFT;
    }

    /** Whether one more reference is sure to fit: an extent is left for it. */
    boolean room() {
        return used < MAX_EXTENTS;
    }

    /** Nothing maps the page any more: the shadow entries that did were thrown away. */
    void forget(long gcPhysPage) {
        words.set(gcPhysPage, 0, 0);
    }

    /** Takes every extent back: the caller has thrown away every shadow entry and forgotten every page. */
    void clear() {
        used = 0;
    }

    /** Entry {@code entry} of the shadow page table with pool index {@code table} now maps the page too. */
    void addReference(long gcPhysPage, int table, int entry) {
        int word = words.get(gcPhysPage);
        if (word == 0) {
            words.set(gcPhysPage, SINGLE | table, entry);
            return;
        }
        int extent;
        if (word >>> COUNT_SHIFT == 1) {
            extent = newExtent();
            slots[SLOTS * extent] = reference(word & INDEX_MASK, words.pteIndex(gcPhysPage));
            words.set(gcPhysPage, PHYSEXT << COUNT_SHIFT | extent, 0);
        } else {
            extent = word & INDEX_MASK;
        }
        int slot = slotHolding(extent, EMPTY);
        while (slot == EMPTY) {
            if (next[extent] == EMPTY) {
                int added = newExtent(); // may grow the arrays: take it before indexing them
                next[extent] = added;
            }
            extent = next[extent];
            slot = slotHolding(extent, EMPTY);
        }
        slots[slot] = reference(table, entry);
    }

    /**
     * Entry {@code entry} of the shadow page table with pool index {@code table} no longer maps the page: the
     * caller cleared an entry it had added, so when the word names a list of extents, the list holds it.
     */
    void removeReference(long gcPhysPage, int table, int entry) {
        int word = words.get(gcPhysPage);
        if (word >>> COUNT_SHIFT != PHYSEXT) {
            words.set(gcPhysPage, 0, 0);
            return;
        }
        int wanted = reference(table, entry);
        int extent = word & INDEX_MASK;
        int slot = slotHolding(extent, wanted);
        while (slot == EMPTY) {
            extent = next[extent];
            slot = slotHolding(extent, wanted);
        }
        slots[slot] = EMPTY;
        int[] left = references(gcPhysPage);
        if (left.length == 1) {
            words.set(gcPhysPage, SINGLE | table(left[0]), entry(left[0]));
        }
    }

    /** The references to the shadow page-table entries that map the page (see {@link #reference}). */
    int[] references(long gcPhysPage) {
        int word = words.get(gcPhysPage);
        if (word >>> COUNT_SHIFT != PHYSEXT) {
            return word == 0 ? NONE : new int[] {reference(word & INDEX_MASK, words.pteIndex(gcPhysPage))};
        }
        int[] found = NONE;
        for (int e = word & INDEX_MASK; e != EMPTY; e = next[e]) {
            for (int s = SLOTS * e; s < SLOTS * e + SLOTS; s++) {
                if (slots[s] != EMPTY) {
                    found = Arrays.copyOf(found, found.length + 1);
                    found[found.length - 1] = slots[s];
                }
            }
        }
        return found;
    }

    /** The slot of extent {@code extent} that holds {@code value}, or {@link #EMPTY} when none does. */
    private int slotHolding(int extent, int value) {
        for (int s = SLOTS * extent; s < SLOTS * extent + SLOTS; s++) {
            if (slots[s] == value) {
                return s;
            }
        }
        return EMPTY;
    }

    /** A cleared extent; the caller has checked {@link #room()}. */
    private int newExtent() {
        int extent = used++;
        if (extent == next.length) {
            next = Arrays.copyOf(next, next.length * 2);
            slots = Arrays.copyOf(slots, slots.length * 2);
        }
        next[extent] = EMPTY;
        Arrays.fill(slots, SLOTS * extent, SLOTS * extent + SLOTS, EMPTY);
        return extent;
    }
}
