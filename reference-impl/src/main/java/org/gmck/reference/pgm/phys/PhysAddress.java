package org.gmck.reference.pgm.phys;

/** Page arithmetic on physical addresses. */
public final class PhysAddress {

    public static final int PAGE_SHIFT = 12;
    public static final long PAGE_SIZE = 1L << PAGE_SHIFT;
    public static final long OFFSET_MASK = PAGE_SIZE - 1;
    /** One past the largest physical address (52 bits). */
    public static final long LIMIT = 1L << 52;

    private PhysAddress() {}

    public static boolean pageAligned(long address) {
        return (address & OFFSET_MASK) == 0;
    }

    public static long pageOf(long address) {
        return address & ~OFFSET_MASK;
    }
}
