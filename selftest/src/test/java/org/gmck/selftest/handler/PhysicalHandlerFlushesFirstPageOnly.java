package org.gmck.selftest.handler;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.selftest.pgm.GuestWalk;
import org.gmck.spi.pgm.handler.AccessHandlerFactory;
import org.gmck.spi.pgm.handler.HandledVm;
import org.gmck.spi.pgm.handler.PhysHandlerKind;
import org.gmck.spi.pgm.shadow.GuestAccessResult;
import org.gmck.spi.pgm.shadow.ShadowTranslation;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.Privilege;

/**
 * Installing a physical handler sets the state of every page it covers but flushes the shadow entries of
 * its first page only (the flush is called with the range's start instead of each page): a page further
 * in the range stays mapped as it was, writable included, and guest writes to it run past the handler.
 */
@Breaks("PGM-HND-2")
public final class PhysicalHandlerFlushesFirstPageOnly extends KnownBad {

    /** A shadow entry the fault left in place, and the guest page it maps. */
    private record Stale(ShadowTranslation translation, long gcPhysPage) {}

    AccessHandlerFactory accessHandlers(AccessHandlerFactory reference) {
        return (host, hostPages) -> {
            HandledVm real = reference.newVm(host, hostPages);
            return Intercept.of(HandledVm.class, real, new Object() {
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

                int registerPhysical(PhysHandlerKind kind, long first, long last) {
                    Map<Long, Stale> kept = new HashMap<>();
                    for (long page : touched) {
                        Optional<ShadowTranslation> t = real.shadowTranslation(page);
                        Optional<GuestWalk.Leaf> leaf = GuestWalk.walk(real.memory(), registers, page);
                        if (t.isPresent() && leaf.isPresent()) {
                            long gcPhysPage = leaf.get().gcPhys() & ~0xFFFL;
                            if (gcPhysPage > first && gcPhysPage <= last) {
                                kept.put(page, new Stale(t.get(), gcPhysPage));
                            }
                        }
                    }
                    int id = real.registerPhysical(kind, first, last);
                    stale.putAll(kept);
                    return id;
                }

                Optional<ShadowTranslation> shadowTranslation(long linear) {
                    Stale s = stale.get(linear & ~0xFFFL);
                    return s != null ? Optional.of(s.translation()) : real.shadowTranslation(linear);
                }

                GuestAccessResult access(long linear, AccessKind kind, Privilege privilege, int width, long value) {
                    touched.add(linear & ~0xFFFL);
                    Stale s = stale.get(linear & ~0xFFFL);
                    long gcPhys = s == null ? 0 : s.gcPhysPage() | linear & 0xFFF;
                    if (s != null && kind != AccessKind.WRITE) {
                        return new GuestAccessResult(List.of(), real.memory().read(gcPhys, width), Optional.empty());
                    }
                    if (s != null && s.translation().writable()) {
                        real.memory().write(gcPhys, width, value);
                        return new GuestAccessResult(List.of(), 0, Optional.empty());
                    }
                    stale.remove(linear & ~0xFFFL);
                    return real.access(linear, kind, privilege, width, value);
                }
            });
        };
    }
}
