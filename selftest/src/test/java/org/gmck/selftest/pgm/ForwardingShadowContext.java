package org.gmck.selftest.pgm;

import java.util.List;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.ShadowContext;
import org.gmck.spi.x86.ControlRegisters;

/** Passes every call to another {@link ShadowContext}; a fault overrides the one it breaks. */
public class ForwardingShadowContext implements ShadowContext {

    protected final ShadowContext real;

    public ForwardingShadowContext(ShadowContext real) {
        this.real = real;
    }

    @Override
    public PagingMode hostMode() {
        return real.hostMode();
    }

    @Override
    public GuestMode guestMode() {
        return real.guestMode();
    }

    @Override
    public PagingMode shadowMode() {
        return real.shadowMode();
    }

    @Override
    public void changeMode(ControlRegisters registers) {
        real.changeMode(registers);
    }

    @Override
    public List<Long> presentShadowPdpes() {
        return real.presentShadowPdpes();
    }

    @Override
    public boolean intermediateContextWriteProtect() {
        return real.intermediateContextWriteProtect();
    }
}
