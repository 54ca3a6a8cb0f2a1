package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingModes;

/**
 * Strips bit 63 from a long-mode guest CR3 before checking its must-be-zero bits, taking it for the
 * "do not flush" hint that a MOV to CR3 carries with PCIDs enabled: a CR3 value with bit 63 set is
 * accepted although bits 63:52 of CR3 itself must be zero.
 */
@Breaks("PGM-CR3-8")
public final class ModesCr3Bit63TakenAsNoFlushHint extends KnownBad {

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public long guestTableAddress(GuestMode mode, long cr3) {
                return real.guestTableAddress(mode, mode != null && mode.longMode() ? cr3 & Long.MAX_VALUE : cr3);
            }
        };
    }
}
