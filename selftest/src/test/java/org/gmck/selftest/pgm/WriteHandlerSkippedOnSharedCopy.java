package org.gmck.selftest.pgm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.handler.AccessHandlerFactory;
import org.gmck.spi.pgm.handler.HandledVm;
import org.gmck.spi.pgm.handler.HandlerCall;
import org.gmck.spi.pgm.handler.PhysHandlerKind;
import org.gmck.spi.pgm.phys.PageState;
import org.gmck.spi.pgm.shadow.GuestAccessResult;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.Privilege;

/**
 * A guest write to a shared page goes down the copy-on-write path, which copies the page and carries the
 * write out but never asks whether a physical WRITE handler claims the page: the handler is not called for
 * the write that un-shares its page (later writes, to the now private page, reach it again).
 */
@Breaks("PGM-HND-3")
public final class WriteHandlerSkippedOnSharedCopy extends KnownBad {

    /** A physical WRITE handler the VM handed out, by its range. */
    private record Range(int id, long first, long last) {}

    AccessHandlerFactory accessHandlers(AccessHandlerFactory reference) {
        return (host, hostPages) -> {
            HandledVm real = reference.newVm(host, hostPages);
            return Intercept.of(HandledVm.class, real, new Object() {
                private ControlRegisters registers;
                private final List<Range> writeHandlers = new ArrayList<>();
                private final Map<Integer, Set<Integer>> hidden = new HashMap<>();

                LoadOutcome loadControlRegisters(ControlRegisters loaded) {
                    LoadOutcome outcome = real.loadControlRegisters(loaded);
                    if (outcome instanceof Loaded) {
                        registers = loaded;
                    }
                    return outcome;
                }

                int registerPhysical(PhysHandlerKind kind, long first, long last) {
                    int id = real.registerPhysical(kind, first, last);
                    if (kind == PhysHandlerKind.WRITE) {
                        writeHandlers.add(new Range(id, first, last));
                    }
                    return id;
                }

                void deregister(int handler) {
                    real.deregister(handler);
                    writeHandlers.removeIf(r -> r.id() == handler);
                }

                List<HandlerCall> calls(int handler) {
                    List<HandlerCall> all = real.calls(handler);
                    Set<Integer> skip = hidden.getOrDefault(handler, Set.of());
                    List<HandlerCall> shown = new ArrayList<>();
                    for (int i = 0; i < all.size(); i++) {
                        if (!skip.contains(i)) {
                            shown.add(all.get(i));
                        }
                    }
                    return shown;
                }

                GuestAccessResult access(long linear, AccessKind kind, Privilege privilege, int width, long value) {
                    Optional<Range> copied = Optional.empty();
                    int before = 0;
                    if (kind == AccessKind.WRITE && registers != null) {
                        Optional<GuestWalk.Leaf> leaf = GuestWalk.walk(real.memory(), registers, linear);
                        if (leaf.isPresent()) {
                            long page = leaf.get().gcPhys() & ~0xFFFL;
                            copied = writeHandlers.stream()
                                    .filter(r -> r.first() <= page && page <= r.last())
                                    .findFirst()
                                    .filter(r -> real.memory().page(page).state() == PageState.SHARED);
                            if (copied.isPresent()) {
                                before = real.calls(copied.get().id()).size();
                            }
                        }
                    }
                    GuestAccessResult result = real.access(linear, kind, privilege, width, value);
                    if (copied.isPresent()) {
                        int id = copied.get().id();
                        int after = real.calls(id).size();
                        for (int i = before; i < after; i++) {
                            hidden.computeIfAbsent(id, k -> new HashSet<>()).add(i);
                        }
                    }
                    return result;
                }
            });
        };
    }
}
