package org.gmck.selftest.pgm;

import java.util.Optional;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.handler.AccessHandlerFactory;
import org.gmck.spi.pgm.handler.HandledVm;
import org.gmck.spi.pgm.shadow.GuestAccessResult;
import org.gmck.spi.pgm.shadow.ReflectedFault;
import org.gmck.spi.pgm.shadow.ShadowTranslation;
import org.gmck.spi.pgm.shadow.ShadowVm;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.Privilege;

/**
 * Takes the 4 KB piece of a guest large page from the linear address with the 2 MB offset mask of PAE and
 * AMD64 large pages, also for a 32-bit guest's 4 MB pages: bit 21 of the offset is lost, so the upper 2 MB
 * of a 4 MB page are shadowed to the host pages behind its lower 2 MB.
 */
@Breaks("PGM-SHW-1")
public final class PseLargePageOffsetMaskedTo2M extends KnownBad {

    private static final long FOUR_MB = 4L << 20;
    private static final long BIT_21 = 1L << 21;

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

            GuestAccessResult access(long linear, AccessKind kind, Privilege privilege, int width, long value) {
                long used = masked(linear);
                GuestAccessResult result = real.access(used, kind, privilege, width, value);
                return new GuestAccessResult(
                        result.actions(),
                        result.value(),
                        result.reflected()
                                .map(f -> f.cr2() == used ? new ReflectedFault(f.vector(), f.errorCode(), linear) : f));
            }

            void invalidatePage(long linear) {
                real.invalidatePage(masked(linear));
            }

            Optional<ShadowTranslation> shadowTranslation(long linear) {
                return real.shadowTranslation(masked(linear));
            }

            /** The linear address whose piece the fault shadows for {@code linear}. */
            private long masked(long linear) {
                return GuestWalk.walk(real.memory(), registers, linear)
                        .filter(leaf -> leaf.pageBytes() == FOUR_MB)
                        .map(leaf -> linear & ~BIT_21)
                        .orElse(linear);
            }
        };
    }
}
