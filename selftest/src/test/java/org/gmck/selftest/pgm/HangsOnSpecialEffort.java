package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.PagingModes;

/** Deadlocks when asked about a PAE guest on an AMD64 host: the kit must time the call out and go on. */
@Breaks(value = "PGM-MODE-5", message = "the adapter did not answer within", hangs = true)
public final class HangsOnSpecialEffort extends KnownBad {

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public boolean switcherNeedsSpecialEffort(PagingMode host, GuestMode guest) {
                if (host == PagingMode.AMD64 && guest == GuestMode.PAE) {
                    try {
                        new java.util.concurrent.CountDownLatch(1).await();
                    } catch (InterruptedException abandoned) {
                        Thread.currentThread().interrupt();
                    }
                }
                return real.switcherNeedsSpecialEffort(host, guest);
            }
        };
    }
}
