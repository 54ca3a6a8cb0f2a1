package com.example.pgmlite;

import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.ModeArguments;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.x86.ControlRegisters;

/** Mode arithmetic shared by pgm-lite's paging modes and shadow contexts. */
final class Modes {

    private Modes() {
    }

    /** The guest mode for a register set; the SPI refuses sets a CPU cannot be in. */
    static GuestMode decode(ControlRegisters r) {
        ModeArguments.requireConsistent(r);
        if (!r.pg()) {
            return r.pe() ? GuestMode.PROTECTED : GuestMode.REAL;
        }
        if (r.lma()) {
            return r.nxe() ? GuestMode.AMD64_NX : GuestMode.AMD64;
        }
        if (r.pae()) {
            return r.nxe() ? GuestMode.PAE_NX : GuestMode.PAE;
        }
        return GuestMode.BITS32;
    }

    /** The shadow mode: long-mode guests get AMD64, PAE guests PAE, everything else the host's 32-bit or PAE. */
    static PagingMode shadow(PagingMode host, GuestMode guest) {
        ModeArguments.requireMode(host, "host paging mode");
        if (ModeArguments.requireGuestMode(guest).longMode()) {
            return PagingMode.AMD64;
        }
        if (guest.legacyPae() || host != PagingMode.BITS32) {
            return PagingMode.PAE;
        }
        return PagingMode.BITS32;
    }
}
