package org.gmck.selftest.handler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.handler.AccessHandlerFactory;
import org.gmck.spi.pgm.handler.HandledVm;
import org.gmck.spi.pgm.handler.HandlerCall;
import org.gmck.spi.pgm.handler.PhysHandlerKind;
import org.gmck.spi.pgm.handler.VirtHandlerKind;

/**
 * Hands out the smallest handler id not in use, so that a new handler takes the id of one deregistered
 * before it: the old id then answers with the new handler's calls, as if the guest's accesses still reached
 * the handler that was deregistered.
 */
@Breaks("PGM-HND-7")
public final class HandlerIdReusedAfterDeregistration extends KnownBad {

    AccessHandlerFactory accessHandlers(AccessHandlerFactory reference) {
        return (host, hostPages) -> {
            HandledVm real = reference.newVm(host, hostPages);
            return Intercept.of(HandledVm.class, real, new Object() {
                /** Each id handed out, to the handler it names now. */
                private final Map<Integer, Integer> current = new HashMap<>();

                private final TreeSet<Integer> inUse = new TreeSet<>();

                private int handOut(int realId) {
                    int id = 1;
                    while (inUse.contains(id)) {
                        id++;
                    }
                    inUse.add(id);
                    current.put(id, realId);
                    return id;
                }

                private int real(int id) {
                    // An id never handed out stays unknown: ask the reference with an id it never gave.
                    return current.getOrDefault(id, Integer.MIN_VALUE + id);
                }

                int registerPhysical(PhysHandlerKind kind, long first, long last) {
                    return handOut(real.registerPhysical(kind, first, last));
                }

                int registerVirtual(VirtHandlerKind kind, long first, long last) {
                    return handOut(real.registerVirtual(kind, first, last));
                }

                void deregister(int handler) {
                    real.deregister(real(handler));
                    inUse.remove(handler);
                }

                List<HandlerCall> calls(int handler) {
                    return real.calls(real(handler));
                }

                OptionalLong cachedPhysical(int handler, long linear) {
                    return real.cachedPhysical(real(handler), linear);
                }
            });
        };
    }
}
