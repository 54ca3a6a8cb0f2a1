package org.gmck.reference.pgm;

import java.util.Objects;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.ModeStatus;
import org.gmck.spi.pgm.PagingMode;

/**
 * CR3 per paging mode (seed 001, "Differences Between Legacy PAE and Long Mode PAE", item 2): a legacy
 * PAE CR3 holds a 32-byte aligned address below 4 GiB, a long-mode CR3 a page-aligned one.
 */
public final class Cr3Rules {

    static final long FOUR_GIB = 1L << 32;
    static final long LONG_MODE_LIMIT = 1L << 52;
    static final long PAGE_ALIGNMENT = 0xFFFL;
    static final long PAE_ALIGNMENT = 0x1FL;
    static final long BIT32_ADDRESS_MASK = 0xFFFF_F000L;
    static final long PAE_ADDRESS_MASK = 0xFFFF_FFE0L;
    static final long AMD64_ADDRESS_MASK = 0x000F_FFFF_FFFF_F000L;
    static final long AMD64_RESERVED_MASK = 0xFFF0_0000_0000_0000L;

    private Cr3Rules() {}

    /** The CR3 value PGM loads to put a top-level table of {@code mode} at {@code table}. */
    public static long cr3For(PagingMode mode, long table) {
        // No mode at all is refused as INVALID is.
        switch (Objects.requireNonNullElse(mode, PagingMode.INVALID)) {
            case BIT32:
                return checked(table, PAGE_ALIGNMENT, FOUR_GIB, mode);
            case PAE:
                return checked(table, PAE_ALIGNMENT, FOUR_GIB, mode);
            case AMD64:
                return checked(table, PAGE_ALIGNMENT, LONG_MODE_LIMIT, mode);
            default:
                throw new RejectedException(ModeStatus.INVALID_MODE, mode + " is not a paging mode");
        }
    }

    /** The guest's top-level table address in a guest CR3 value. */
    public static long guestTableAddress(GuestMode mode, long cr3) {
        if (Objects.requireNonNullElse(mode, GuestMode.INVALID) == GuestMode.INVALID) {
            throw new RejectedException(ModeStatus.INVALID_MODE, mode + " is not a paging mode");
        }
        if (!mode.paging()) {
            throw new RejectedException(ModeStatus.NOT_IN_THIS_MODE, "CR3 is not used in " + mode + " mode");
        }
        if (mode.longMode()) {
            if ((cr3 & AMD64_RESERVED_MASK) != 0) {
                throw new RejectedException(
                        ModeStatus.RESERVED_BITS_SET, String.format("long-mode CR3 %#x has bits 63:52 set", cr3));
            }
            return cr3 & AMD64_ADDRESS_MASK;
        }
        return cr3 & (mode.legacyPae() ? PAE_ADDRESS_MASK : BIT32_ADDRESS_MASK);
    }

    private static long checked(long table, long alignment, long limit, PagingMode mode) {
        if ((table & alignment) != 0) {
            throw new RejectedException(
                    ModeStatus.MISALIGNED_CR3,
                    String.format(
                            "%#x is not aligned as a %s top-level table must be (low bits %#x clear)",
                            table, mode, alignment));
        }
        if (table < 0 || table >= limit) {
            throw new RejectedException(
                    ModeStatus.CR3_OUT_OF_RANGE,
                    String.format("%#x is not below %#x, the limit of a %s CR3", table, limit, mode));
        }
        return table;
    }
}
