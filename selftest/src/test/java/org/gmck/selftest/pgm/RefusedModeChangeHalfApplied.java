package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.PagingModes;
import org.gmck.spi.pgm.ShadowContext;
import org.gmck.spi.x86.ControlRegisters;

/** Stores the new guest mode before validating the registers, so a refused change is half applied. */
@Breaks("PGM-GMODE-7")
public final class RefusedModeChangeHalfApplied extends KnownBad {

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public ShadowContext newShadowContext(PagingMode host) {
                return new ForwardingShadowContext(real.newShadowContext(host)) {
                    private GuestMode stored;

                    @Override
                    public void changeMode(ControlRegisters registers) {
                        stored = null;
                        try {
                            real.changeMode(registers);
                        } catch (RejectedException refused) {
                            stored = registers.pe() ? GuestMode.PROTECTED : GuestMode.REAL;
                            throw refused;
                        }
                    }

                    @Override
                    public GuestMode guestMode() {
                        return stored != null ? stored : real.guestMode();
                    }
                };
            }
        };
    }
}
