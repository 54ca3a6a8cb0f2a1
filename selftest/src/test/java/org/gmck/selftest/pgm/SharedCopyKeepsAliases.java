package org.gmck.selftest.pgm;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.handler.AccessHandlerFactory;
import org.gmck.spi.pgm.handler.HandledVm;
import org.gmck.spi.pgm.phys.PageState;
import org.gmck.spi.pgm.shadow.GuestAccessResult;
import org.gmck.spi.pgm.shadow.MonitorAction;
import org.gmck.spi.pgm.shadow.ShadowTranslation;
import org.gmck.spi.pgm.shadow.ShadowVm;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.Privilege;

/**
 * Copying a shared page on a guest write syncs the faulting address to the new private page but, unlike
 * allocating a page on the zero page, forgets to flush the page's other shadow entries: another linear
 * address of the same guest page keeps mapping the shared page, and the guest reads there what the page
 * held before its own write.
 */
@Breaks("PGM-SHW-26")
public final class SharedCopyKeepsAliases extends KnownBad {

    /** A shadow entry the fault left on the shared page, with the shared page's contents as the guest sees them. */
    private record Stale(ShadowTranslation translation, long[] words) {}

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
            private final Set<Long> touched = new HashSet<>();
            private final Map<Long, Stale> stale = new HashMap<>();

            LoadOutcome loadControlRegisters(ControlRegisters loaded) {
                LoadOutcome outcome = real.loadControlRegisters(loaded);
                if (outcome instanceof Loaded) {
                    registers = loaded;
                    stale.clear();
                }
                return outcome;
            }

            void invalidatePage(long linear) {
                real.invalidatePage(linear);
                stale.remove(linear & ~0xFFFL);
            }

            void syncCr3() {
                real.syncCr3();
                stale.clear();
            }

            Optional<ShadowTranslation> shadowTranslation(long linear) {
                Stale s = stale.get(linear & ~0xFFFL);
                return s != null ? Optional.of(s.translation()) : real.shadowTranslation(linear);
            }

            GuestAccessResult access(long linear, AccessKind kind, Privilege privilege, int width, long value) {
                long page = linear & ~0xFFFL;
                touched.add(page);
                Stale s = stale.get(page);
                if (s != null && kind != AccessKind.WRITE) {
                    int offset = (int) (linear & 0xFFF);
                    long word = s.words()[offset >>> 3] >>> (offset & 7) * 8;
                    return new GuestAccessResult(
                            List.of(), width == 8 ? word : word & (1L << width * 8) - 1, Optional.empty());
                }
                stale.remove(page);
                Map<Long, ShadowTranslation> aliases = new HashMap<>();
                long[] words = new long[512];
                Optional<GuestWalk.Leaf> leaf = GuestWalk.walk(real.memory(), registers, linear);
                if (kind == AccessKind.WRITE && leaf.isPresent()) {
                    long gcPhysPage = leaf.get().gcPhys() & ~0xFFFL;
                    if (real.memory().page(gcPhysPage).state() == PageState.SHARED) {
                        long host = real.memory().page(gcPhysPage).hostPhys();
                        for (long other : touched) {
                            Optional<ShadowTranslation> t = real.shadowTranslation(other);
                            if (other != page && t.isPresent() && (t.get().hostPhys() & ~0xFFFL) == host) {
                                aliases.put(other, t.get());
                            }
                        }
                        for (int i = 0; i < words.length; i++) {
                            words[i] = real.memory().read(gcPhysPage + i * 8L, 8);
                        }
                    }
                }
                GuestAccessResult result = real.access(linear, kind, privilege, width, value);
                if (result.actions().contains(MonitorAction.COPIED_ON_WRITE)) {
                    aliases.forEach((alias, t) -> stale.put(alias, new Stale(t, words)));
                }
                return result;
            }
        };
    }
}
