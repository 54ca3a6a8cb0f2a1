package org.gmck.selftest.pgm;

import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.PagingModes;
import org.gmck.spi.pgm.ShadowContext;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.EntryFlags;

/**
 * Decides the shadow PDPE fix-up from the guest's mode instead of the shadow mode: it clears bits 1, 2, 5
 * and 6 when the guest enters legacy PAE and sets R/W, U/S and A when it enters long mode, and leaves the
 * entries alone otherwise. A long-mode guest that drops to 32-bit, protected or real mode on a PAE or
 * AMD64 host runs on a legacy PAE shadow whose PDPEs still carry the long-mode bits.
 */
@Breaks("PGM-PAE-7")
public final class ModesPdpeFixUpKeyedOnGuestMode extends KnownBad {

    private static final long LONG_MODE_BITS = EntryFlags.mask(EntryFlag.WRITABLE, EntryFlag.USER, EntryFlag.ACCESSED);

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public ShadowContext newShadowContext(PagingMode host) {
                return new ForwardingShadowContext(real.newShadowContext(host)) {
                    private boolean longModeBits;

                    @Override
                    public void changeMode(ControlRegisters registers) {
                        real.changeMode(registers);
                        GuestMode guest = real.guestMode();
                        if (guest.longMode()) {
                            longModeBits = true;
                        } else if (guest.legacyPae()) {
                            longModeBits = false;
                        }
                    }

                    @Override
                    public List<Long> presentShadowPdpes() {
                        boolean stale = longModeBits && real.shadowMode() == PagingMode.PAE;
                        return real.presentShadowPdpes().stream()
                                .map(e -> stale ? e | LONG_MODE_BITS : e)
                                .toList();
                    }
                };
            }
        };
    }
}
