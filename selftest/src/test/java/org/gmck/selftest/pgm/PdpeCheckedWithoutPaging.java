package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingModes;

/**
 * Waves a PDPE through in modes that have no page-directory-pointer table instead of refusing the check;
 * INVALID, which has none either, is waved through as well.
 */
@Breaks(value = "PGM-PAE-6", also = "PGM-MODE-8")
public final class PdpeCheckedWithoutPaging extends KnownBad {

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public long checkGuestPdpe(GuestMode mode, long pdpe) {
                return mode.legacyPae() || mode.longMode() ? real.checkGuestPdpe(mode, pdpe) : pdpe;
            }
        };
    }
}
