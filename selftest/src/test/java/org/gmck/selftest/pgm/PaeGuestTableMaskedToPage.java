package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingModes;

/** Takes a legacy PAE guest's PDPT address from CR3 bits 31:12, losing bits 11:5. */
@Breaks("PGM-CR3-7")
public final class PaeGuestTableMaskedToPage extends KnownBad {

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public long guestTableAddress(GuestMode mode, long cr3) {
                long table = real.guestTableAddress(mode, cr3);
                return mode.legacyPae() ? table & ~0xFFFL : table;
            }
        };
    }
}
