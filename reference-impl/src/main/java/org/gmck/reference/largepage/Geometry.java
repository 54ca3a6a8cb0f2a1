package org.gmck.reference.largepage;

/** Page and frame sizes of x86 paging with 2 MB large pages, and the guest-physical address limit. */
final class Geometry {

    static final int PAGE_SHIFT = 12;
    static final int FRAME_SHIFT = 21;
    static final long PAGE_SIZE = 1L << PAGE_SHIFT;
    static final long FRAME_SIZE = 1L << FRAME_SHIFT;
    static final long PAGE_OFFSET_MASK = PAGE_SIZE - 1;
    static final long FRAME_OFFSET_MASK = FRAME_SIZE - 1;
    static final int PAGES_PER_FRAME = 1 << (FRAME_SHIFT - PAGE_SHIFT);
    /** Guest-physical addresses are at most 52 bits wide. */
    static final long ADDRESS_LIMIT = 1L << 52;

    private Geometry() {}

    static long pageBase(long address) {
        return address & ~PAGE_OFFSET_MASK;
    }

    static long frameBase(long address) {
        return address & ~FRAME_OFFSET_MASK;
    }

    static boolean pageAligned(long address) {
        return (address & PAGE_OFFSET_MASK) == 0;
    }

    static boolean frameAligned(long address) {
        return (address & FRAME_OFFSET_MASK) == 0;
    }

    /** The first 2 MB boundary at or above {@code address}. */
    static long frameCeiling(long address) {
        return frameBase(address + FRAME_OFFSET_MASK);
    }
}
