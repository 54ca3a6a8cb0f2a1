package com.example.pgmlite;

import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.ControlRegisters;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.ModeStatus;
import org.gmck.spi.pgm.PagingMode;

/** Mode arithmetic shared by pgm-lite's paging modes and shadow contexts. */
final class Modes {

    private Modes() {
    }

    /** The guest mode for a register set, refusing sets a CPU cannot be in. */
    static GuestMode decode(ControlRegisters r) {
        boolean longModeActive = r.pg() && r.lme();
        if (r.lma() != longModeActive) {
            throw inconsistent("EFER.LMA must equal CR0.PG && EFER.LME");
        }
        if (r.pg() && !r.pe()) {
            throw inconsistent("paging requires protection (CR0.PE)");
        }
        if (longModeActive && !r.pae()) {
            throw inconsistent("long mode requires CR4.PAE");
        }
        if (!r.pg()) {
            return r.pe() ? GuestMode.PROTECTED : GuestMode.REAL;
        }
        if (longModeActive) {
            return r.nxe() ? GuestMode.AMD64_NX : GuestMode.AMD64;
        }
        if (r.pae()) {
            return r.nxe() ? GuestMode.PAE_NX : GuestMode.PAE;
        }
        return GuestMode.BIT32;
    }

    /** The shadow mode: long-mode guests get AMD64, PAE guests PAE, everything else the host's 32-bit or PAE. */
    static PagingMode shadow(PagingMode host, GuestMode guest) {
        requireHost(host);
        if (guest == null || guest == GuestMode.INVALID) {
            throw new RejectedException(ModeStatus.INVALID_MODE, "no guest mode given");
        }
        if (guest.longMode()) {
            return PagingMode.AMD64;
        }
        if (guest.legacyPae() || host != PagingMode.BIT32) {
            return PagingMode.PAE;
        }
        return PagingMode.BIT32;
    }

    static PagingMode requireHost(PagingMode host) {
        if (host == null || host == PagingMode.INVALID) {
            throw new RejectedException(ModeStatus.INVALID_MODE, "no host paging mode given");
        }
        return host;
    }

    private static RejectedException inconsistent(String why) {
        return new RejectedException(ModeStatus.INCONSISTENT_CONTROL_REGISTERS, why);
    }
}
