package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingModes;

/** Treats long mode without EFER.NXE like long mode with it, so PDPE bit 63 (XD) is accepted. */
@Breaks("PGM-PAE-5")
public final class Bit63AllowedInLongModeWithoutNx extends KnownBad {

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public long checkGuestPdpe(GuestMode mode, long pdpe) {
                return real.checkGuestPdpe(mode == GuestMode.AMD64 ? GuestMode.AMD64_NX : mode, pdpe);
            }
        };
    }
}
