package org.gmck.selftest.handler;

import java.util.HashSet;
import java.util.Set;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.handler.AccessHandlerFactory;
import org.gmck.spi.pgm.handler.HandledVm;

/**
 * Treats deregistering a handler that is already gone as done, hiding a caller that deregisters twice
 * (and, with ids reused, would take away someone else's handler).
 */
@Breaks("PGM-HND-12")
public final class SecondDeregistrationAccepted extends KnownBad {

    AccessHandlerFactory accessHandlers(AccessHandlerFactory reference) {
        return (host, hostPages) -> {
            HandledVm real = reference.newVm(host, hostPages);
            Set<Integer> gone = new HashSet<>();
            return Intercept.of(HandledVm.class, real, new Object() {
                void deregister(int handler) {
                    if (!gone.contains(handler)) {
                        real.deregister(handler);
                        gone.add(handler);
                    }
                }
            });
        };
    }
}
