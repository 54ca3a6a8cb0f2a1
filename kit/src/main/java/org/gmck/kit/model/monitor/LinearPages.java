package org.gmck.kit.model.monitor;

import java.util.List;

/**
 * The linear pages a monitor sequence maps and accesses: a handful at the bottom of the address space, page
 * zero among them, and the last page below 4 GB, so that a few guest pages get several aliases often.
 */
final class LinearPages {

    static final List<Long> ALL = List.of(0x0L, 0x1000L, 0x2000L, 0x3000L, 0x4000L, 0x5000L, 0xFFFF_F000L);

    /** Offsets into a page that accesses use: the start, inside, the last bytes. */
    static final List<Long> OFFSETS = List.of(0L, 0L, 0x8L, 0xFF8L, 0x800L, 0xFFFL);

    /** Offsets that make an address misaligned. */
    static final List<Long> MISALIGNMENTS = List.of(0x10L, 0x8L, 0x1L, 0xFFFL, 0x800L);

    private LinearPages() {}

    static long pick(int pick) {
        return ALL.get(Math.floorMod(pick, ALL.size()));
    }
}
