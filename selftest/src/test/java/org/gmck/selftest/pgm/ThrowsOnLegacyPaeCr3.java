package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.PagingModes;

/** Throws an untyped exception for every legacy PAE CR3 instead of answering or rejecting with a status. */
@Breaks(
        value = "PGM-CR3-1",
        also = {"PGM-CR3-3", "PGM-CR3-4"},
        message = "instead of answering or rejecting with a RejectedException")
public final class ThrowsOnLegacyPaeCr3 extends KnownBad {

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public long cr3For(PagingMode mode, long table) {
                if (mode == PagingMode.PAE) {
                    throw new IllegalStateException("legacy PAE tables are not implemented");
                }
                return real.cr3For(mode, table);
            }
        };
    }
}
