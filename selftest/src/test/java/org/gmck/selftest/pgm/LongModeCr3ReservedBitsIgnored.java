package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingModes;

/** Masks a long-mode guest CR3 to its address bits without checking that bits 63:52 are clear. */
@Breaks("PGM-CR3-8")
public final class LongModeCr3ReservedBitsIgnored extends KnownBad {

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public long guestTableAddress(GuestMode mode, long cr3) {
                return real.guestTableAddress(mode, mode.longMode() ? cr3 & 0x000F_FFFF_FFFF_FFFFL : cr3);
            }
        };
    }
}
