package org.gmck.selftest.handler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.selftest.pgm.GuestWalk;
import org.gmck.spi.pgm.handler.AccessHandlerFactory;
import org.gmck.spi.pgm.handler.HandledVm;
import org.gmck.spi.pgm.handler.HandlerCall;
import org.gmck.spi.pgm.handler.HandlerEvent;
import org.gmck.spi.pgm.handler.PhysHandlerKind;
import org.gmck.spi.pgm.handler.VirtHandlerKind;
import org.gmck.spi.pgm.shadow.GuestAccessResult;
import org.gmck.spi.pgm.shadow.MonitorAction;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.Privilege;

/**
 * Decides whether a WRITE handler claims an access by asking whether the access is anything but a read,
 * so instruction fetches from its pages, physical and virtual handlers' alike, call it as writes do.
 */
@Breaks(value = "PGM-HND-4", also = "PGM-VHND-9")
public final class WriteHandlerCalledOnFetch extends KnownBad {

    /** A registered WRITE handler's range; physical or linear. */
    private record Range(boolean physical, long first, long last) {
        boolean holds(long address) {
            return Long.compareUnsigned(address, first) >= 0 && Long.compareUnsigned(address, last) <= 0;
        }
    }

    /** A call the fault added, and how many real calls the handler had before it. */
    private record Extra(int after, HandlerCall call) {}

    AccessHandlerFactory accessHandlers(AccessHandlerFactory reference) {
        return (host, hostPages) -> {
            HandledVm real = reference.newVm(host, hostPages);
            return Intercept.of(HandledVm.class, real, new Object() {
                private ControlRegisters registers;
                private final Map<Integer, Range> writeHandlers = new HashMap<>();
                private final Map<Integer, List<Extra>> extras = new HashMap<>();

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
                        writeHandlers.put(id, new Range(true, first, last));
                    }
                    return id;
                }

                int registerVirtual(VirtHandlerKind kind, long first, long last) {
                    int id = real.registerVirtual(kind, first, last);
                    if (kind == VirtHandlerKind.WRITE) {
                        writeHandlers.put(id, new Range(false, first, last));
                    }
                    return id;
                }

                void deregister(int handler) {
                    real.deregister(handler);
                    writeHandlers.remove(handler);
                }

                GuestAccessResult access(long linear, AccessKind kind, Privilege privilege, int width, long value) {
                    GuestAccessResult result = real.access(linear, kind, privilege, width, value);
                    Optional<GuestWalk.Leaf> leaf = GuestWalk.walk(real.memory(), registers, linear);
                    if (kind != AccessKind.FETCH || result.reflected().isPresent() || leaf.isEmpty()) {
                        return result;
                    }
                    long gcPhys = leaf.get().gcPhys();
                    boolean called = false;
                    for (Map.Entry<Integer, Range> e : writeHandlers.entrySet()) {
                        Optional<Long> address = reached(e.getKey(), e.getValue(), linear, gcPhys);
                        if (address.isPresent()) {
                            extras.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                                    .add(new Extra(
                                            real.calls(e.getKey()).size(),
                                            new HandlerCall(HandlerEvent.FETCH, address.get())));
                            called = true;
                        }
                    }
                    return called
                            ? new GuestAccessResult(
                                    List.of(MonitorAction.HANDLER_INVOKED), result.value(), result.reflected())
                            : result;
                }

                List<HandlerCall> calls(int handler) {
                    List<HandlerCall> calls = new ArrayList<>(real.calls(handler));
                    List<Extra> added = extras.getOrDefault(handler, List.of());
                    for (int i = added.size() - 1; i >= 0; i--) {
                        calls.add(added.get(i).after(), added.get(i).call());
                    }
                    return List.copyOf(calls);
                }

                /** The address a handler is told of an access, if the access reaches it. */
                private Optional<Long> reached(int id, Range range, long linear, long gcPhys) {
                    if (range.physical()) {
                        return range.holds(gcPhys) ? Optional.of(gcPhys) : Optional.empty();
                    }
                    if (range.holds(linear)) {
                        return Optional.of(linear);
                    }
                    for (long page = range.first(); Long.compareUnsigned(page, range.last()) < 0; page += 0x1000) {
                        OptionalLong cached = real.cachedPhysical(id, page);
                        if (cached.isPresent() && cached.getAsLong() == (gcPhys & ~0xFFFL)) {
                            return Optional.of(page | gcPhys & 0xFFF);
                        }
                    }
                    return Optional.empty();
                }
            });
        };
    }
}
