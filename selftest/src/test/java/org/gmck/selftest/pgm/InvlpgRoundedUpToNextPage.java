package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.handler.AccessHandlerFactory;
import org.gmck.spi.pgm.handler.HandledVm;
import org.gmck.spi.pgm.shadow.ShadowVm;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;

/**
 * INVLPG aligns the address it is given by rounding up instead of down: an address at the start of a page
 * drops that page's shadow entry, as it should, but an address inside a page drops the entry of the page
 * after it and leaves the named page's entry in the shadow.
 */
@Breaks("PGM-SHW-14")
public final class InvlpgRoundedUpToNextPage extends KnownBad {

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
            void invalidatePage(long linear) {
                real.invalidatePage(linear + 0xFFF & ~0xFFFL);
            }
        };
    }
}
