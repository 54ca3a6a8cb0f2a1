package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingModes;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.EntryFlags;

/** Checks only the seed's four must-be-zero PDPE bits (1, 2, 5, 6) in legacy PAE, not 7, 8 and 52-63. */
@Breaks("PGM-PAE-2")
public final class LegacyPaeChecksOnlySeedBits extends KnownBad {

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public long checkGuestPdpe(GuestMode mode, long pdpe) {
                if (mode.legacyPae()
                        && (pdpe
                                        & EntryFlags.mask(
                                                EntryFlag.WRITABLE,
                                                EntryFlag.USER,
                                                EntryFlag.ACCESSED,
                                                EntryFlag.DIRTY))
                                == 0) {
                    return pdpe;
                }
                return real.checkGuestPdpe(mode, pdpe);
            }
        };
    }
}
