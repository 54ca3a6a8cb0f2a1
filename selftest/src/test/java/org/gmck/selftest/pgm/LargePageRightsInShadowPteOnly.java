package org.gmck.selftest.pgm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.handler.AccessHandlerFactory;
import org.gmck.spi.pgm.handler.HandledVm;
import org.gmck.spi.pgm.shadow.ShadowTranslation;
import org.gmck.spi.pgm.shadow.ShadowVm;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Loaded;

/**
 * Builds the shadow page directory entry for a guest large page from the guest levels above the large
 * page's own entry only, and puts that entry's R/W and U/S into the shadow page table entries instead: the
 * pieces end up with the right rights, but the shadow directory entry no longer carries the rights of every
 * guest level that maps the region, as it does for a guest page table.
 */
@Breaks("PGM-SHW-5")
public final class LargePageRightsInShadowPteOnly extends KnownBad {

    private static final long RW = EntryFlag.WRITABLE.mask();
    private static final long US = EntryFlag.USER.mask();

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

            Optional<ShadowTranslation> shadowTranslation(long linear) {
                Optional<ShadowTranslation> shadow = real.shadowTranslation(linear);
                Optional<GuestWalk.Leaf> guest = GuestWalk.walk(real.memory(), registers, linear);
                if (shadow.isEmpty() || guest.isEmpty() || !guest.get().large()) {
                    return shadow;
                }
                ShadowTranslation t = shadow.get();
                List<GuestWalk.Entry> walked = guest.get().entries();
                boolean legacyPae = (registers.cr4() & ControlRegisters.CR4_PAE) != 0
                        && (registers.efer() & ControlRegisters.EFER_LME) == 0;
                long upper = RW | US;
                for (int i = legacyPae ? 1 : 0; i < walked.size() - 1; i++) {
                    upper &= walked.get(i).value();
                }
                long leaf = walked.get(walked.size() - 1).value() & (RW | US);
                List<Long> entries = new ArrayList<>(t.entries());
                int pde = entries.size() - 2;
                int pte = entries.size() - 1;
                entries.set(pde, entries.get(pde) & ~(RW | US) | upper);
                entries.set(pte, entries.get(pte) & ~(RW | US) | entries.get(pte) & leaf);
                return Optional.of(
                        new ShadowTranslation(t.hostPhys(), t.writable(), t.user(), t.executable(), entries));
            }
        };
    }
}
