package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.PagingModes;

/** Checks a long-mode CR3 with legacy PAE's 32-byte alignment instead of page alignment. */
@Breaks("PGM-CR3-2")
public final class LongModeCr3AcceptsPaeAlignment extends KnownBad {

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public long cr3For(PagingMode mode, long table) {
                if (mode == PagingMode.AMD64 && (table & 0x1F) == 0) {
                    return real.cr3For(mode, table & ~0xFFFL) | (table & 0xFFF);
                }
                return real.cr3For(mode, table);
            }
        };
    }
}
