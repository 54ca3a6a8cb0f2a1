package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.PagingModes;

/** Takes NX as a long-mode feature and shadows a PAE-with-NX guest on an AMD64 host with AMD64 tables. */
@Breaks("PGM-MODE-2")
public final class PaeNxGuestShadowedAsAmd64 extends KnownBad {

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public PagingMode shadowMode(PagingMode host, GuestMode guest) {
                PagingMode correct = real.shadowMode(host, guest);
                return guest == GuestMode.PAE_NX && host == PagingMode.AMD64 ? PagingMode.AMD64 : correct;
            }
        };
    }
}
