package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.PagingModes;
import org.gmck.spi.pgm.ShadowContext;

/** Runs the intermediate context with CR0.WP set, so its unfixed PDPEs would fault on supervisor writes. */
@Breaks("PGM-PAE-9")
public final class IntermediateContextWriteProtected extends KnownBad {

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public ShadowContext newShadowContext(PagingMode host) {
                return new ForwardingShadowContext(real.newShadowContext(host)) {
                    @Override
                    public boolean intermediateContextWriteProtect() {
                        return true;
                    }
                };
            }
        };
    }
}
