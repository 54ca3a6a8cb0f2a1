package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.PagingModes;
import org.gmck.spi.pgm.ShadowContext;

/**
 * Shadows a real-mode guest on a 32-bit host with PAE, as if real mode were "no paging, so pick the
 * richest shadow". A new context starts in real mode, so its initial shadow mode is wrong too, and so is the
 * shadow mode of every 32-bit host's context whose guest is (or returns to) real mode.
 */
@Breaks(
        value = "PGM-MODE-4",
        also = {"PGM-MODE-7", "PGM-MODE-9", "PGM-GMODE-7", "PGM-PAE-10"})
public final class RealModeShadowedAsPaeOn32BitHost extends KnownBad {

    private static PagingMode shadow(PagingMode host, GuestMode guest, PagingMode correct) {
        return host == PagingMode.BITS32 && guest == GuestMode.REAL ? PagingMode.PAE : correct;
    }

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public PagingMode shadowMode(PagingMode host, GuestMode guest) {
                return shadow(host, guest, real.shadowMode(host, guest));
            }

            @Override
            public ShadowContext newShadowContext(PagingMode host) {
                return new ForwardingShadowContext(real.newShadowContext(host)) {
                    @Override
                    public PagingMode shadowMode() {
                        return shadow(real.hostMode(), real.guestMode(), real.shadowMode());
                    }
                };
            }
        };
    }
}
