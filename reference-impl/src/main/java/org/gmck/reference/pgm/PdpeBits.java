package org.gmck.reference.pgm;

import static org.gmck.spi.x86.EntryFlag.ACCESSED;
import static org.gmck.spi.x86.EntryFlag.DIRTY;
import static org.gmck.spi.x86.EntryFlag.EXECUTE_DISABLE;
import static org.gmck.spi.x86.EntryFlag.GLOBAL;
import static org.gmck.spi.x86.EntryFlag.PAGE_SIZE;
import static org.gmck.spi.x86.EntryFlag.USER;
import static org.gmck.spi.x86.EntryFlag.WRITABLE;

import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.ModeArguments;
import org.gmck.spi.pgm.ModeStatus;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.x86.EntryField;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.EntryFlags;

/**
 * Page-directory-pointer entry bits that differ between legacy PAE and long mode (seed 001, "Differences
 * Between Legacy PAE and Long Mode PAE", item 1).
 */
final class PdpeBits {

    static final long PRESENT = EntryFlag.PRESENT.mask();
    static final long NX = EXECUTE_DISABLE.mask();

    /** Bits 1, 2, 5 and 6: must be zero in legacy PAE, R/W, U/S, A and ignored (bit 6) in long mode. */
    static final long MODE_DEPENDENT = EntryFlags.mask(WRITABLE, USER, ACCESSED, DIRTY);
    /** Bits a shadow PDPE gets on a switch to long mode: R/W, U/S and A. */
    static final long LONG_MODE_SET = EntryFlags.mask(WRITABLE, USER, ACCESSED);
    /**
     * Legacy PAE must-be-zero bits: 1, 2, 5, 6, 7, 8 (the flags a PDPTE register lacks) and 52-63 (above
     * the address field).
     */
    static final long LEGACY_MBZ =
            MODE_DEPENDENT | EntryFlags.mask(PAGE_SIZE, GLOBAL) | -1L << (EntryField.ADDRESS_64.high() + 1);

    private PdpeBits() {}

    static long checkGuestPdpe(GuestMode mode, long pdpe) {
        if (!ModeArguments.requireGuestMode(mode).legacyPae() && !mode.longMode()) {
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
