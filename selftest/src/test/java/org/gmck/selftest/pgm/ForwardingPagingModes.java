package org.gmck.selftest.pgm;

import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.PagingModes;
import org.gmck.spi.pgm.ShadowContext;
import org.gmck.spi.x86.ControlRegisters;

/** Passes every call to another {@link PagingModes}; a fault overrides the one it breaks. */
public class ForwardingPagingModes implements PagingModes {

    protected final PagingModes real;

    public ForwardingPagingModes(PagingModes real) {
        this.real = real;
    }

    @Override
    public GuestMode guestMode(ControlRegisters registers) {
        return real.guestMode(registers);
    }

    @Override
    public PagingMode shadowMode(PagingMode host, GuestMode guest) {
        return real.shadowMode(host, guest);
    }

    @Override
    public boolean switcherNeedsSpecialEffort(PagingMode host, GuestMode guest) {
        return real.switcherNeedsSpecialEffort(host, guest);
    }

    @Override
    public long cr3For(PagingMode mode, long tableAddress) {
        return real.cr3For(mode, tableAddress);
    }

    @Override
    public long guestTableAddress(GuestMode mode, long cr3) {
        return real.guestTableAddress(mode, cr3);
    }

    @Override
    public long checkGuestPdpe(GuestMode mode, long pdpe) {
        return real.checkGuestPdpe(mode, pdpe);
    }

    @Override
    public ShadowContext newShadowContext(PagingMode host) {
        return real.newShadowContext(host);
    }
}
