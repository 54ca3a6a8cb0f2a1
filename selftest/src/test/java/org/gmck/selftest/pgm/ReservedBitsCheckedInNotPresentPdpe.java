package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.ModeStatus;
import org.gmck.spi.pgm.PagingModes;

/** Applies the legacy PAE must-be-zero check to every PDPE, present or not. */
@Breaks("PGM-PAE-4")
public final class ReservedBitsCheckedInNotPresentPdpe extends KnownBad {

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public long checkGuestPdpe(GuestMode mode, long pdpe) {
                if (mode.legacyPae() && (pdpe & 1) == 0 && (pdpe & 0x66) != 0) {
                    throw new RejectedException(ModeStatus.RESERVED_BITS_SET, "must-be-zero bits set");
                }
                return real.checkGuestPdpe(mode, pdpe);
            }
        };
    }
}
