package org.gmck.selftest.handler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.handler.AccessHandlerFactory;
import org.gmck.spi.pgm.handler.HandledVm;
import org.gmck.spi.pgm.handler.HandlerCall;
import org.gmck.spi.pgm.handler.HandlerEvent;
import org.gmck.spi.pgm.handler.VirtHandlerKind;
import org.gmck.spi.pgm.shadow.GuestAccessResult;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.Privilege;

/**
 * Calls a virtual WRITE handler for reads of its pages as well, as if it were an ALL handler, instead of
 * syncing the page read-only and letting reads through (step 3).
 */
@Breaks(value = "PGM-VHND-9", also = "PGM-VHND-11")
public final class WriteHandlerCalledOnRead extends KnownBad {

    /** A call the fault added, and how many real calls the handler had before it. */
    private record Extra(int after, HandlerCall call) {}

    AccessHandlerFactory accessHandlers(AccessHandlerFactory reference) {
        return (host, hostPages) -> {
            HandledVm real = reference.newVm(host, hostPages);
            Map<Integer, long[]> writeRanges = new HashMap<>();
            Map<Integer, List<Extra>> extras = new HashMap<>();
            return Intercept.of(HandledVm.class, real, new Object() {
                int registerVirtual(VirtHandlerKind kind, long first, long last) {
                    int id = real.registerVirtual(kind, first, last);
                    if (kind == VirtHandlerKind.WRITE) {
                        writeRanges.put(id, new long[] {first, last});
                    }
                    return id;
                }

                void deregister(int handler) {
                    real.deregister(handler);
                    writeRanges.remove(handler);
                }

                GuestAccessResult access(long linear, AccessKind kind, Privilege privilege, int width, long value) {
                    GuestAccessResult result = real.access(linear, kind, privilege, width, value);
                    if (kind == AccessKind.READ) {
                        writeRanges.forEach((id, range) -> {
                            if (Long.compareUnsigned(linear, range[0]) >= 0
                                    && Long.compareUnsigned(linear, range[1]) <= 0) {
                                extras.computeIfAbsent(id, k -> new ArrayList<>())
                                        .add(new Extra(
                                                real.calls(id).size(), new HandlerCall(HandlerEvent.READ, linear)));
                            }
                        });
                    }
                    return result;
                }

                List<HandlerCall> calls(int handler) {
                    List<HandlerCall> calls = new ArrayList<>(real.calls(handler));
                    List<Extra> added = extras.getOrDefault(handler, List.of());
                    for (int i = added.size() - 1; i >= 0; i--) {
                        calls.add(added.get(i).after(), added.get(i).call());
                    }
                    return List.copyOf(calls);
                }
            });
        };
    }
}
