package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingModes;
import org.gmck.spi.x86.ControlRegisters;

/** Derives long mode from CR0.PG and EFER.LME and never looks at EFER.LMA, as later VirtualBox does. */
@Breaks("PGM-GMODE-6")
public final class LmaNotChecked extends KnownBad {

    PagingModes pagingModes(PagingModes reference) {
        return new ForwardingPagingModes(reference) {
            @Override
            public GuestMode guestMode(ControlRegisters r) {
                long lma = r.pg() && r.lme() ? ControlRegisters.EFER_LMA : 0;
                return real.guestMode(
                        ControlRegisters.of(r.cr0(), r.cr4(), (r.efer() & ~ControlRegisters.EFER_LMA) | lma));
            }
        };
    }
}
