package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.PagingModes;

/**
 * Reads "all configurations except the diagonal need special effort" literally: effort whenever the
 * guest's mode differs from the host's, so a 32-bit guest on a PAE host (PAE shadow, no switch) gets it.
 */
@Breaks("PGM-MODE-5")
public final class LiteralDiagonalSpecialEffort extends KnownBad {

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public boolean switcherNeedsSpecialEffort(PagingMode host, GuestMode guest) {
                real.shadowMode(host, guest);
                PagingMode guestFamily =
                        guest.longMode() ? PagingMode.AMD64 : guest.legacyPae() ? PagingMode.PAE : PagingMode.BITS32;
                return guestFamily != host;
            }
        };
    }
}
