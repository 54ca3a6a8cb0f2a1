package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.PagingModes;

/**
 * Answers by one reading and declares the other: it takes "all configurations except the diagonal need
 * special effort" literally (effort whenever the guest's mode differs from the host's, so a 32-bit guest on a
 * PAE host, on a PAE shadow, gets it) while it declares, as the reference does,
 * {@code pgm.switcher-special-effort = shadow-differs-from-host}. Declaring {@code off-diagonal} instead makes
 * the same answers conform (see {@code DeclaredReadingsTest}).
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
