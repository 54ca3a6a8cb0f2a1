package org.gmck.reference.pgm;

import java.util.Objects;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.ModeStatus;
import org.gmck.spi.pgm.PagingMode;

/**
 * Page-directory-pointer entry bits that differ between legacy PAE and long mode (seed 001, "Differences
 * Between Legacy PAE and Long Mode PAE", item 1).
 */
final class PdpeBits {

    static final long PRESENT = 1L;
    static final long RW = 1L << 1;
    static final long US = 1L << 2;
    static final long ACCESSED = 1L << 5;
    static final long BIT6 = 1L << 6;
    static final long NX = 1L << 63;

    /** Bits 1, 2, 5 and 6: must be zero in legacy PAE, R/W, U/S, A and ignored in long mode. */
    static final long MODE_DEPENDENT = RW | US | ACCESSED | BIT6;
    /** Bits a shadow PDPE gets on a switch to long mode: R/W, U/S and A. */
    static final long LONG_MODE_SET = RW | US | ACCESSED;
    /** Legacy PAE must-be-zero bits: 1, 2, 5, 6, 7, 8 and 52-63. */
    static final long LEGACY_MBZ = 0xFFF0_0000_0000_01E6L;

    private PdpeBits() {}

    static long checkGuestPdpe(GuestMode mode, long pdpe) {
        if (Objects.requireNonNullElse(mode, GuestMode.INVALID) == GuestMode.INVALID) {
            throw new RejectedException(ModeStatus.INVALID_MODE, mode + " is not a paging mode");
        }
        if (!mode.legacyPae() && !mode.longMode()) {
            throw new RejectedException(ModeStatus.NOT_IN_THIS_MODE, mode + " has no page-directory-pointer table");
        }
        if ((pdpe & PRESENT) == 0) {
            return pdpe;
        }
        long reserved = mode.legacyPae() ? LEGACY_MBZ : (mode == GuestMode.AMD64 ? NX : 0);
        if ((pdpe & reserved) != 0) {
            throw new RejectedException(
                    ModeStatus.RESERVED_BITS_SET,
                    String.format("PDPE %#x has must-be-zero bits set in %s mode (mask %#x)", pdpe, mode, reserved));
        }
        return pdpe;
    }

    /**
     * Rewrites a present shadow PDPE for the shadow mode being switched to: the long-mode bits set for an
     * AMD64 shadow, cleared for any other (a 32-bit shadow never reads the entries).
     */
    static long fixUpForShadowMode(long pdpe, PagingMode shadow) {
        return shadow == PagingMode.AMD64 ? pdpe | LONG_MODE_SET : pdpe & ~MODE_DEPENDENT;
    }
}
