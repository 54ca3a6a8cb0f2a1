package org.gmck.kit.model.shadow;

import java.util.List;

/**
 * The small system every sequence of the shadow model runs on. Guest RAM is the first 8 MB, with a 64 KB
 * MMIO range at 16 MB; the guest's tables start at 0x10000. The guest maps five linear pages with 4 KB
 * entries (three in one guest page table, two in another 4 MB away, so that every shadow mode gives them
 * two shadow page tables) and one guest large page, of which three 4 KB pieces are used: its first page, a
 * page 64 KB in (which, with the large page at guest physical 0, is the guest's own top-level table) and a
 * page 2 MB + 4 KB in (inside a 4 MB page, outside a 2 MB one, where nothing is mapped).
 *
 * <p>The 4 KB entries point at a few data pages most of the time, so that pages with several aliases in the
 * same and in other shadow tables are common; now and then at a guest table, at MMIO or past the end of RAM.
 */
final class ShadowLayout {

    static final long RAM_BYTES = 8L << 20;
    static final long MMIO = 0x100_0000L;
    static final long NO_RAM = 0x200_0000L;
    static final long ROOT = 0x10000;
    static final long BUDGET = 256;

    static final long LARGE = 0x4080_0000L;
    /** The linear pages the model looks at: five 4 KB slots, then the three pieces of the large page. */
    static final List<Long> VIEWS = List.of(
            0x4000_0000L,
            0x4000_1000L,
            0x4000_2000L,
            0x4040_0000L,
            0x4040_1000L,
            LARGE,
            LARGE + 0x10000,
            LARGE + 0x20_1000L);

    static final int SMALL_SLOTS = 5;

    /** The data pages the 4 KB entries point at (and physical handlers cover). */
    static final List<Long> DATA = List.of(0x20_0000L, 0x20_1000L, 0x20_2000L, 0x20_3000L);
    /** Where the guest's large page may start: 0 (its pieces reach a guest table and a data page) and 4 MB. */
    static final List<Long> LARGE_TARGETS = List.of(0L, 0x40_0000L, 0x20_0000L);
    /** The pages physical handlers may start at, data pages and a piece of the large page. */
    static final List<Long> HANDLER_PAGES = List.of(0x20_0000L, 0x20_1000L, 0x20_2000L, 0x40_0000L);
    /** Offsets of accesses in a page: its start, inside, its last 8 bytes. */
    static final List<Long> OFFSETS = List.of(0L, 0x8L, 0xFF8L);

    private ShadowLayout() {}

    static boolean isLarge(long view) {
        return view >= LARGE;
    }

    static boolean ram(long gcPhys) {
        return gcPhys >= 0 && gcPhys < RAM_BYTES;
    }
}
