package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.handler.AccessHandlerFactory;
import org.gmck.spi.pgm.handler.HandledVm;
import org.gmck.spi.pgm.shadow.GuestAccessResult;
import org.gmck.spi.pgm.shadow.ReflectedFault;
import org.gmck.spi.pgm.shadow.ShadowVm;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.Privilege;

/**
 * Hands a page fault on to the guest with CR2 set to the faulting page, the address the monitor's fault
 * handler looked up in the guest's tables, instead of the faulting address: a guest kernel that decodes
 * the faulting instruction's operand from CR2 gets it wrong whenever the access does not start its page.
 */
@Breaks("PGM-SHW-3")
public final class FaultCr2RoundedToPage extends KnownBad {

    GuestMemoryFactory guestMemory(GuestMemoryFactory reference) {
        return new ForwardingGuestMemoryFactory(reference) {
            @Override
            public ShadowVm newShadowVm(PagingMode host, long hostPages) {
                ShadowVm real = this.real.newShadowVm(host, hostPages);
                return Intercept.of(ShadowVm.class, real, fault(real));
            }
        };
    }

    AccessHandlerFactory accessHandlers(AccessHandlerFactory reference) {
        return (host, hostPages) -> {
            HandledVm real = reference.newVm(host, hostPages);
            return Intercept.of(HandledVm.class, real, fault(real));
        };
    }

    private static Object fault(ShadowVm real) {
        return new Object() {
            GuestAccessResult access(long linear, AccessKind kind, Privilege privilege, int width, long value) {
                GuestAccessResult result = real.access(linear, kind, privilege, width, value);
                return new GuestAccessResult(
                        result.actions(),
                        result.value(),
                        result.reflected()
                                .map(f -> f.vector() == ReflectedFault.PAGE_FAULT
                                        ? new ReflectedFault(f.vector(), f.errorCode(), f.cr2() & ~0xFFFL)
                                        : f));
            }
        };
    }
}
