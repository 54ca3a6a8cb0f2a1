package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.ModeStatus;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.PagingModes;

/** Demands a page-aligned top-level table in legacy PAE too, refusing valid 32-byte aligned PDPTs. */
@Breaks("PGM-CR3-1")
public final class LegacyPaeCr3NeedsPageAlignment extends KnownBad {

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public long cr3For(PagingMode mode, long table) {
                if (mode == PagingMode.PAE && (table & 0xFFF) != 0) {
                    throw new RejectedException(ModeStatus.MISALIGNED_CR3, "not page aligned");
                }
                return real.cr3For(mode, table);
            }
        };
    }
}
