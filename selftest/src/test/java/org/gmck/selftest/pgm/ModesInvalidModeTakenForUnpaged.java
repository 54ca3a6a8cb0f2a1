package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.ModeStatus;
import org.gmck.spi.pgm.PagingModes;

/**
 * Asks "does this mode page?" before "is this a mode at all?" when reading a guest CR3 or checking a guest
 * PDPE: INVALID does not page, so it is refused with NOT_IN_THIS_MODE, as real mode is, instead of
 * INVALID_MODE. A caller that handles "no such structure in this mode" quietly never learns that it passed
 * garbage.
 */
@Breaks("PGM-MODE-8")
public final class ModesInvalidModeTakenForUnpaged extends KnownBad {

    private static RejectedException unpaged() {
        return new RejectedException(ModeStatus.NOT_IN_THIS_MODE, "INVALID has no paging structures");
    }

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public long guestTableAddress(GuestMode mode, long cr3) {
                if (mode == GuestMode.INVALID) {
                    throw unpaged();
                }
                return real.guestTableAddress(mode, cr3);
            }

            @Override
            public long checkGuestPdpe(GuestMode mode, long pdpe) {
                if (mode == GuestMode.INVALID) {
                    throw unpaged();
                }
                return real.checkGuestPdpe(mode, pdpe);
            }
        };
    }
}
