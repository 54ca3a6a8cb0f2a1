package org.gmck.reference.pgm.shadow;

import java.util.Arrays;

/**
 * Which shadow page tables map a guest page, kept in the 32-bit tracking word of the page's own record
 * (seed 000, "Per-VM": the bits that "track which shadow page tables are currently mapping a page") in
 * later VirtualBox's format: bits 13:0 a shadow pool page index, bits 15:14 a reference count.
 * <ul>
 *   <li>0: no shadow page table maps the page;</li>
 *   <li>count 1: one entry of the shadow page table with that pool index maps it;</li>
 *   <li>count 3 ({@link #PHYSEXT}): the index names a chain of physical extents, each listing up to three
 *       pool indices, one per entry mapping the page;</li>
 *   <li>count 3 with index 0x3FFF ({@link #OVERFLOWED}): too many to list (or a pool index too large for
 *       14 bits): whoever needs the tables must scan them all.</li>
 * </ul>
 * The extents live in two packed arrays, never an object per page.
 */
final class PoolTracking {

    /** Where the tracking words live: the guest page records. */
    interface Words {
        /** Keeps no words: every page reads as tracked by nobody. */
        Words NONE = new Words() {
            @Override
            public int get(long gcPhysPage) {
                return 0;
            }

            @Override
            public void set(long gcPhysPage, int word) {
            }
        };

        int get(long gcPhysPage);

        void set(long gcPhysPage, int word);
    }

    static final int IDX_MASK = 0x3FFF;
    static final int CREFS_SHIFT = 14;
    static final int PHYSEXT = 3;
    /** The index that, with {@link #PHYSEXT}, says the references are no longer listed. */
    static final int IDX_OVERFLOWED = 0x3FFF;
    static final int OVERFLOWED = PHYSEXT << CREFS_SHIFT | IDX_OVERFLOWED;
    private static final int SINGLE = 1 << CREFS_SHIFT;
    /** Slots an extent has, as VirtualBox's physical extents do. */
    private static final int SLOTS = 3;
    private static final int NIL = -1;

    private final Words words;
    /** Extent {@code e} holds pool indices in {@code slots[3e..3e+2]} ({@link #NIL} when empty). */
    private int[] slots = new int[0];
    /** The extent after extent {@code e} in its chain, or {@link #NIL}. */
    private int[] next = new int[0];
    private int freeHead = NIL;

    PoolTracking(Words words) {
        this.words = words;
    }

    /** The tracking word of a guest page, as its record holds it. */
    int word(long gcPhysPage) {
        return words.get(gcPhysPage);
    }

    /** One more entry of the shadow page table with pool index {@code table} maps the page. */
    void addReference(long gcPhysPage, int table) {
        int word = words.get(gcPhysPage);
        if (word == OVERFLOWED) {
            return;
        }
        if (table >= IDX_OVERFLOWED) {
            release(word);
            words.set(gcPhysPage, OVERFLOWED);
        } else if (word == 0) {
            words.set(gcPhysPage, SINGLE | table);
        } else if (count(word) == 1) {
            int extent = newExtent();
            if (extent == NIL) {
                words.set(gcPhysPage, OVERFLOWED);
                return;
            }
            slots[extent * SLOTS] = index(word);
            slots[extent * SLOTS + 1] = table;
            words.set(gcPhysPage, PHYSEXT << CREFS_SHIFT | extent);
        } else if (!addToChain(index(word), table)) {
            release(word);
            words.set(gcPhysPage, OVERFLOWED);
        }
    }

    /** One entry of the shadow page table with pool index {@code table} no longer maps the page. */
    void removeReference(long gcPhysPage, int table) {
        int word = words.get(gcPhysPage);
        if (word == 0 || word == OVERFLOWED) {
            return;
        }
        if (count(word) == 1) {
            if (index(word) == table) {
                words.set(gcPhysPage, 0);
            }
            return;
        }
        int head = index(word);
        for (int e = head; e != NIL; e = next[e]) {
            for (int s = e * SLOTS; s < e * SLOTS + SLOTS; s++) {
                if (slots[s] == table) {
                    slots[s] = NIL;
                    if (chainEmpty(head)) {
                        release(word);
                        words.set(gcPhysPage, 0);
                    }
                    return;
                }
            }
        }
    }

    /**
     * The pool indices of the shadow page tables that map the page (one per mapping entry, so an index may
     * repeat), or {@code null} when the word overflowed and every table must be scanned.
     */
    int[] tables(long gcPhysPage) {
        int word = words.get(gcPhysPage);
        if (word == 0) {
            return new int[0];
        }
        if (word == OVERFLOWED) {
            return null;
        }
        if (count(word) == 1) {
            return new int[] {index(word)};
        }
        int[] found = new int[0];
        for (int e = index(word); e != NIL; e = next[e]) {
            for (int s = e * SLOTS; s < e * SLOTS + SLOTS; s++) {
                if (slots[s] != NIL) {
                    found = Arrays.copyOf(found, found.length + 1);
                    found[found.length - 1] = slots[s];
                }
            }
        }
        return found;
    }

    /** The page is mapped by nothing any more (its shadow tables were thrown away). */
    void forget(long gcPhysPage) {
        int word = words.get(gcPhysPage);
        if (word != 0) {
            release(word);
            words.set(gcPhysPage, 0);
        }
    }

    private static int count(int word) {
        return word >>> CREFS_SHIFT & 3;
    }

    private static int index(int word) {
        return word & IDX_MASK;
    }

    /** Adds {@code table} to the chain from {@code head}; false when no extent is left to extend it with. */
    private boolean addToChain(int head, int table) {
        int last = head;
        for (int e = head; e != NIL; e = next[e]) {
            for (int s = e * SLOTS; s < e * SLOTS + SLOTS; s++) {
                if (slots[s] == NIL) {
                    slots[s] = table;
                    return true;
                }
            }
            last = e;
        }
        int extent = newExtent();
        if (extent == NIL) {
            return false;
        }
        next[last] = extent;
        slots[extent * SLOTS] = table;
        return true;
    }

    private boolean chainEmpty(int head) {
        for (int e = head; e != NIL; e = next[e]) {
            for (int s = e * SLOTS; s < e * SLOTS + SLOTS; s++) {
                if (slots[s] != NIL) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Gives the word's extents back, if it names a chain of them. */
    private void release(int word) {
        if (count(word) != PHYSEXT || word == OVERFLOWED) {
            return;
        }
        int e = index(word);
        while (e != NIL) {
            int following = next[e];
            next[e] = freeHead;
            freeHead = e;
            e = following;
        }
    }

    /** A cleared extent, or {@link #NIL} when all the extents a 14-bit index can name are in use. */
    private int newExtent() {
        if (freeHead == NIL) {
            if (next.length == IDX_OVERFLOWED) {
                return NIL;
            }
            int grown = Math.min(IDX_OVERFLOWED, Math.max(16, next.length * 2));
            int old = next.length;
            next = Arrays.copyOf(next, grown);
            slots = Arrays.copyOf(slots, grown * SLOTS);
            for (int e = grown - 1; e >= old; e--) {
                next[e] = freeHead;
                freeHead = e;
            }
        }
        int extent = freeHead;
        freeHead = next[extent];
        next[extent] = NIL;
        Arrays.fill(slots, extent * SLOTS, extent * SLOTS + SLOTS, NIL);
        return extent;
    }
}
