package org.gmck.selftest.handler;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.handler.AccessHandlerFactory;
import org.gmck.spi.pgm.handler.HandledVm;
import org.gmck.spi.pgm.handler.PhysHandlerKind;

/**
 * Installs a physical ALL handler as a WRITE handler, a mix-up of the two kinds, so reads of its pages go
 * straight to memory and never reach it.
 */
@Breaks(value = "PGM-HND-5", also = "PGM-HND-1")
public final class AllHandlerRegisteredAsWrite extends KnownBad {

    AccessHandlerFactory accessHandlers(AccessHandlerFactory reference) {
        return (host, hostPages) -> {
            HandledVm real = reference.newVm(host, hostPages);
            return Intercept.of(HandledVm.class, real, new Object() {
                int registerPhysical(PhysHandlerKind kind, long gcPhysFirst, long gcPhysLast) {
                    return real.registerPhysical(PhysHandlerKind.WRITE, gcPhysFirst, gcPhysLast);
                }
            });
        };
    }
}
