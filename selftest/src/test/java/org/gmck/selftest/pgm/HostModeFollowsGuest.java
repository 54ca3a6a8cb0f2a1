package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.PagingModes;
import org.gmck.spi.pgm.ShadowContext;

/** Reports the shadow mode as the host mode once the guest has switched, as if the host followed the guest. */
@Breaks("PGM-MODE-6")
public final class HostModeFollowsGuest extends KnownBad {

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public ShadowContext newShadowContext(PagingMode host) {
                return new ForwardingShadowContext(real.newShadowContext(host)) {
                    @Override
                    public PagingMode hostMode() {
                        return real.guestMode().paging() ? real.shadowMode() : real.hostMode();
                    }
                };
            }
        };
    }
}
