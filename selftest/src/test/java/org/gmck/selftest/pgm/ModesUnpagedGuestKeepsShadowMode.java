package org.gmck.selftest.pgm;

import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.PagingModes;
import org.gmck.spi.pgm.ShadowContext;
import org.gmck.spi.x86.ControlRegisters;

/**
 * Keeps the shadow mode in use when the guest turns paging off, as VirtualBox did in its raw-mode days:
 * real and protected mode need no guest tables, so the shadow context stays as it was. The matrix query
 * still answers correctly; only a shadow context that has run a paging guest goes wrong, for example an
 * AMD64 guest that returns to real mode stays on an AMD64 shadow.
 */
@Breaks(value = "PGM-MODE-9", also = "PGM-PAE-7")
public final class ModesUnpagedGuestKeepsShadowMode extends KnownBad {

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public ShadowContext newShadowContext(PagingMode host) {
                return new ForwardingShadowContext(real.newShadowContext(host)) {
                    private PagingMode kept;
                    private List<Long> keptPdpes;

                    @Override
                    public void changeMode(ControlRegisters registers) {
                        PagingMode before = shadowMode();
                        List<Long> pdpesBefore = presentShadowPdpes();
                        real.changeMode(registers);
                        GuestMode guest = real.guestMode();
                        boolean unpaged = guest == GuestMode.REAL || guest == GuestMode.PROTECTED;
                        kept = unpaged ? before : null;
                        keptPdpes = unpaged ? pdpesBefore : null;
                    }

                    @Override
                    public PagingMode shadowMode() {
                        return kept != null ? kept : real.shadowMode();
                    }

                    @Override
                    public List<Long> presentShadowPdpes() {
                        return keptPdpes != null ? keptPdpes : real.presentShadowPdpes();
                    }
                };
            }
        };
    }
}
