package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.shadow.GuestAccessResult;
import org.gmck.spi.pgm.shadow.ReflectedFault;
import org.gmck.spi.pgm.shadow.ShadowVm;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.Privilege;

/**
 * Hands a page fault on to the guest with the error code the CPU raised on the shadow tables instead of
 * the one the guest's own tables give: the shadow entry was not yet synced, so P is always 0, and a guest
 * kernel takes a protection violation for a page to bring in. The SMEP scenario of PGM-SHW-6 and the
 * write to a page the guest has just made read-only of PGM-SHW-13, which check the fault handed to the
 * guest, catch it too.
 */
@Breaks(
        value = "PGM-SHW-3",
        also = {"PGM-SHW-6", "PGM-SHW-13"})
public final class FaultReflectedWithShadowErrorCode extends KnownBad {

    /** The P bit of a page-fault error code. */
    private static final int P = 1;

    GuestMemoryFactory guestMemory(GuestMemoryFactory reference) {
        return new ForwardingGuestMemoryFactory(reference) {
            @Override
            public ShadowVm newShadowVm(PagingMode host, long hostPages) {
                return new ForwardingShadowVm(real.newShadowVm(host, hostPages)) {
                    @Override
                    public GuestAccessResult access(
                            long linearAddress, AccessKind kind, Privilege privilege, int width, long value) {
                        GuestAccessResult result = real.access(linearAddress, kind, privilege, width, value);
                        return new GuestAccessResult(
                                result.actions(),
                                result.value(),
                                result.reflected()
                                        .map(f -> f.vector() == ReflectedFault.PAGE_FAULT
                                                ? new ReflectedFault(f.vector(), f.errorCode() & ~P, f.cr2())
                                                : f));
                    }
                };
            }
        };
    }
}
