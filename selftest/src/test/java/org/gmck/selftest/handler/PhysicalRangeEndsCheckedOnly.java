package org.gmck.selftest.handler;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.handler.AccessHandlerFactory;
import org.gmck.spi.pgm.handler.HandledVm;
import org.gmck.spi.pgm.handler.HandlerStatus;
import org.gmck.spi.pgm.handler.PhysHandlerKind;
import org.gmck.spi.pgm.phys.PageType;

/**
 * Checks that a new physical handler's range is guest memory by looking up its first and its last page
 * only: a range from one RAM range across a gap into the next is accepted, and the handler covers its
 * pages up to the gap.
 */
@Breaks("PGM-HND-10")
public final class PhysicalRangeEndsCheckedOnly extends KnownBad {

    AccessHandlerFactory accessHandlers(AccessHandlerFactory reference) {
        return (host, hostPages) -> {
            HandledVm real = reference.newVm(host, hostPages);
            return Intercept.of(HandledVm.class, real, new Object() {
                int registerPhysical(PhysHandlerKind kind, long first, long last) {
                    try {
                        return real.registerPhysical(kind, first, last);
                    } catch (RejectedException e) {
                        if (e.status() != HandlerStatus.VERR_PGM_HANDLER_PHYSICAL_NO_RAM_RANGE
                                || !memory(first)
                                || !memory(last)) {
                            throw e;
                        }
                        long end = first;
                        while (memory(end + 0x1000)) {
                            end += 0x1000;
                        }
                        return real.registerPhysical(kind, first, end + 0xFFF);
                    }
                }

                private boolean memory(long gcPhys) {
                    try {
                        return real.memory().page(gcPhys).type() != PageType.RESERVED;
                    } catch (RejectedException outside) {
                        return false;
                    }
                }
            });
        };
    }
}
