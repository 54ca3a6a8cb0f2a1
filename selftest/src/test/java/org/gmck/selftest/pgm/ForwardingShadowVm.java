package org.gmck.selftest.pgm;

import java.util.List;
import java.util.Optional;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.shadow.GuestAccessResult;
import org.gmck.spi.pgm.shadow.ShadowTranslation;
import org.gmck.spi.pgm.shadow.ShadowVm;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Privilege;

/** Passes every call to another {@link ShadowVm}; a fault overrides the one it breaks. */
public class ForwardingShadowVm implements ShadowVm {

    protected final ShadowVm real;

    public ForwardingShadowVm(ShadowVm real) {
        this.real = real;
    }

    @Override
    public GuestPhysicalMemory memory() {
        return real.memory();
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
    public LoadOutcome loadControlRegisters(ControlRegisters registers) {
        return real.loadControlRegisters(registers);
    }

    @Override
    public GuestAccessResult access(long linearAddress, AccessKind kind, Privilege privilege, int width, long value) {
        return real.access(linearAddress, kind, privilege, width, value);
    }

    @Override
    public void invalidatePage(long linearAddress) {
        real.invalidatePage(linearAddress);
    }

    @Override
    public void syncCr3() {
        real.syncCr3();
    }

    @Override
    public Optional<ShadowTranslation> shadowTranslation(long linearAddress) {
        return real.shadowTranslation(linearAddress);
    }

    @Override
    public List<Long> guestPagingStructurePages() {
        return real.guestPagingStructurePages();
    }
}
