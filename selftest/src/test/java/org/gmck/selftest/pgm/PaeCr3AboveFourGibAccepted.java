package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.PagingModes;

/** Forgets that a legacy PAE CR3 has only 32 bits, accepting a table at or above 4 GiB. */
@Breaks("PGM-CR3-4")
public final class PaeCr3AboveFourGibAccepted extends KnownBad {

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public long cr3For(PagingMode mode, long table) {
                return mode == PagingMode.PAE
                        ? real.cr3For(mode, table & 0xFFFF_FFFFL) | (table & ~0xFFFF_FFFFL)
                        : real.cr3For(mode, table);
            }
        };
    }
}
