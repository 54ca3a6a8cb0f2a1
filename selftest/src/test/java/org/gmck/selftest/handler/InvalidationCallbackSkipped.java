package org.gmck.selftest.handler;

import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.handler.AccessHandlerFactory;
import org.gmck.spi.pgm.handler.HandledVm;
import org.gmck.spi.pgm.handler.HandlerCall;
import org.gmck.spi.pgm.handler.HandlerEvent;

/**
 * Moves a virtual handler's pages when the guest remaps or unmaps them but never calls the handler's
 * invalidation callback (step 5), so the handler's owner keeps acting on a stale mapping.
 */
@Breaks(
        value = "PGM-VHND-12",
        also = {"PGM-VHND-13", "PGM-VHND-18"})
public final class InvalidationCallbackSkipped extends KnownBad {

    AccessHandlerFactory accessHandlers(AccessHandlerFactory reference) {
        return (host, hostPages) -> {
            HandledVm real = reference.newVm(host, hostPages);
            return Intercept.of(HandledVm.class, real, new Object() {
                List<HandlerCall> calls(int handler) {
                    return real.calls(handler).stream()
                            .filter(c -> c.event() != HandlerEvent.INVALIDATE)
                            .toList();
                }
            });
        };
    }
}
