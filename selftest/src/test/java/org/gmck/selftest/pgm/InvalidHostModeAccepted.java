package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.PagingModes;
import org.gmck.spi.pgm.ShadowContext;

/** Falls back to a PAE host when asked for a shadow context on an INVALID host mode instead of refusing. */
@Breaks("PGM-MODE-8")
public final class InvalidHostModeAccepted extends KnownBad {

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public ShadowContext newShadowContext(PagingMode host) {
                return real.newShadowContext(host == PagingMode.INVALID ? PagingMode.PAE : host);
            }
        };
    }
}
