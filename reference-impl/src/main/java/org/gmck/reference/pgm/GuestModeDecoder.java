package org.gmck.reference.pgm;

import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.ModeArguments;
import org.gmck.spi.x86.ControlRegisters;

/** Derives the guest paging mode from CR0, CR4 and EFER, refusing combinations no CPU can be in. */
public final class GuestModeDecoder {

    private GuestModeDecoder() {}

    public static GuestMode decode(ControlRegisters r) {
        ModeArguments.requireConsistent(r);
        if (!r.pg()) {
            return r.pe() ? GuestMode.PROTECTED : GuestMode.REAL;
        }
        if (!r.pae()) {
            return GuestMode.BITS32;
        }
        if (r.lme()) {
            return r.nxe() ? GuestMode.AMD64_NX : GuestMode.AMD64;
        }
        return r.nxe() ? GuestMode.PAE_NX : GuestMode.PAE;
    }
}
