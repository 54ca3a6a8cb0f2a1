package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.handler.AccessHandlerFactory;
import org.gmck.spi.pgm.handler.HandledVm;
import org.gmck.spi.pgm.shadow.ShadowVm;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Loaded;

/**
 * INVLPG rounds the address down to the guest's page size before dropping the shadow entry, as a TLB does
 * for its own large entries: for an address inside a guest 2 MB or 4 MB page it drops the shadow entry of
 * the large page's first 4 KB, while the shadow, which maps the large page 4 KB at a time, keeps the entry
 * of the page the guest named.
 */
@Breaks("PGM-SHW-14")
public final class LargePageInvlpgRoundedToGuestPage extends KnownBad {

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
            private ControlRegisters registers;

            LoadOutcome loadControlRegisters(ControlRegisters loaded) {
                LoadOutcome outcome = real.loadControlRegisters(loaded);
                if (outcome instanceof Loaded) {
                    registers = loaded;
                }
                return outcome;
            }

            void invalidatePage(long linear) {
                real.invalidatePage(GuestWalk.walk(real.memory(), registers, linear)
                        .map(leaf -> leaf.base(linear))
                        .orElse(linear));
            }
        };
    }
}
