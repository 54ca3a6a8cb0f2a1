package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingModes;

/**
 * Picks the guest CR3 mask with a switch that names the PAE mode but forgets its NX twin, so a PAE guest
 * with EFER.NXE set has its top-level table taken from CR3 bits 31:12, as in 32-bit mode: a PDPT that is
 * 32-byte but not page aligned is looked for at the start of its page.
 */
@Breaks("PGM-CR3-7")
public final class ModesPaeNxCr3MaskedToPage extends KnownBad {

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public long guestTableAddress(GuestMode mode, long cr3) {
                return mode == GuestMode.PAE_NX
                        ? real.guestTableAddress(GuestMode.BITS32, cr3)
                        : real.guestTableAddress(mode, cr3);
            }
        };
    }
}
