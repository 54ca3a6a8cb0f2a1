package org.gmck.reference.pgm;

import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.ControlRegisters;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.ModeStatus;

/** Derives the guest paging mode from CR0, CR4 and EFER, refusing combinations no CPU can be in. */
public final class GuestModeDecoder {

    private GuestModeDecoder() {}

    public static GuestMode decode(ControlRegisters r) {
        checkConsistent(r);
        if (!r.pg()) {
            return r.pe() ? GuestMode.PROTECTED : GuestMode.REAL;
        }
        if (!r.pae()) {
            return GuestMode.BIT32;
        }
        if (r.lme()) {
            return r.nxe() ? GuestMode.AMD64_NX : GuestMode.AMD64;
        }
        return r.nxe() ? GuestMode.PAE_NX : GuestMode.PAE;
    }

    private static void checkConsistent(ControlRegisters r) {
        if (r == null) {
            throw inconsistent("no registers");
        }
        if (r.pg() && !r.pe()) {
            throw inconsistent("CR0.PG is set while CR0.PE is clear: paging needs protected mode");
        }
        if (r.pg() && r.lme() && !r.pae()) {
            throw inconsistent("CR0.PG and EFER.LME are set while CR4.PAE is clear: long mode needs PAE");
        }
        if (r.lma() != (r.pg() && r.lme())) {
            throw inconsistent(
                    "EFER.LMA disagrees with CR0.PG and EFER.LME: the CPU sets LMA exactly when both are set");
        }
    }

    private static RejectedException inconsistent(String why) {
        return new RejectedException(ModeStatus.INCONSISTENT_CONTROL_REGISTERS, why);
    }
}
