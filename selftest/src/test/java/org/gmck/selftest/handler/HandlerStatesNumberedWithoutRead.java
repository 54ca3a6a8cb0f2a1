package org.gmck.selftest.handler;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.handler.AccessHandlerFactory;
import org.gmck.spi.pgm.handler.HandledVm;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;

/**
 * Two faults that hide each other. The page record packs the physical and virtual handler states as the
 * handler kinds are numbered, none 0, write 1, all 2, leaving out the read state of seed 000's
 * {none, read, write, all}; and the record is unpacked with the same numbering. Every page therefore reports
 * its handler states right, and handlers behave, while the record itself says WRITE where the seed's layout
 * says read and ALL where it says write.
 */
@Breaks(value = "PGM-HND-14", also = "PGM-REC-7")
public final class HandlerStatesNumberedWithoutRead extends KnownBad {

    private static final int PHYS_SHIFT = 4;
    private static final int VIRT_SHIFT = 6;

    AccessHandlerFactory accessHandlers(AccessHandlerFactory reference) {
        return (host, hostPages) -> {
            HandledVm real = reference.newVm(host, hostPages);
            GuestPhysicalMemory memory = Intercept.of(GuestPhysicalMemory.class, real.memory(), new Object() {
                long[] packedRecord(long gcPhys) {
                    long[] record = real.memory().packedRecord(gcPhys).clone();
                    record[1] = renumber(renumber(record[1], PHYS_SHIFT), VIRT_SHIFT);
                    return record;
                }

                /** Write (2) becomes 1 and all (3) becomes 2: the numbering without the read state. */
                private long renumber(long word, int shift) {
                    long state = word >>> shift & 3;
                    long packed = state >= 2 ? state - 1 : state;
                    return word & ~(3L << shift) | packed << shift;
                }
            });
            return Intercept.of(HandledVm.class, real, new Object() {
                GuestPhysicalMemory memory() {
                    return memory;
                }
            });
        };
    }
}
