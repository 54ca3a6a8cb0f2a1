package org.gmck.reference.pgm;

import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.PagingModes;
import org.gmck.spi.pgm.ShadowContext;
import org.gmck.spi.x86.ControlRegisters;

/** The reference PGM's paging-mode rules. */
public final class PgmPagingModes implements PagingModes {

    @Override
    public GuestMode guestMode(ControlRegisters registers) {
        return GuestModeDecoder.decode(registers);
    }

    @Override
    public PagingMode shadowMode(PagingMode host, GuestMode guest) {
        return ShadowModeMatrix.shadowMode(host, guest);
    }

    @Override
    public boolean switcherNeedsSpecialEffort(PagingMode host, GuestMode guest) {
        return ShadowModeMatrix.needsSpecialEffort(host, guest);
    }

    @Override
    public long cr3For(PagingMode mode, long tableAddress) {
        return Cr3Rules.cr3For(mode, tableAddress);
    }

    @Override
    public long guestTableAddress(GuestMode mode, long cr3) {
        return Cr3Rules.guestTableAddress(mode, cr3);
    }

    @Override
    public long checkGuestPdpe(GuestMode mode, long pdpe) {
        return PdpeBits.checkGuestPdpe(mode, pdpe);
    }

    @Override
    public ShadowContext newShadowContext(PagingMode host) {
        // The context starts in real mode on the matrix's shadow for it, which refuses a host that is no paging mode.
        return new PgmShadowContext(host);
    }
}
