package org.gmck.selftest.pgm;

import java.util.concurrent.locks.LockSupport;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.PagingModes;
import org.gmck.spi.pgm.ShadowContext;

/**
 * A shadow context whose mode query blocks for good once a guest on a PAE host enters long mode, as if
 * waiting for a switcher that never comes: every scenario that asks fails on the timeout, the others run.
 */
@Breaks(value = "PGM-MODE-6", also = "PGM-PAE-8", message = "the adapter did not answer within", hangs = true)
public final class ContextHangsInLongModeOnPaeHost extends KnownBad {

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public ShadowContext newShadowContext(PagingMode host) {
                return new ForwardingShadowContext(real.newShadowContext(host)) {
                    @Override
                    public PagingMode shadowMode() {
                        while (real.hostMode() == PagingMode.PAE
                                && real.shadowMode() == PagingMode.AMD64
                                && !Thread.currentThread().isInterrupted()) {
                            LockSupport.park(this);
                        }
                        return real.shadowMode();
                    }
                };
            }
        };
    }
}
