package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;

/**
 * Checks an access's width and alignment with one mask test, {@code (address & (width - 1)) == 0} plus a
 * table of the widths above 8 it refuses: a width of 0 passes both, and the access goes ahead moving no
 * bytes, a read returning 0.
 */
@Breaks("PGM-PHYS-16")
public final class ZeroWidthAccessAccepted extends KnownBad {

    GuestMemoryFactory guestMemory(GuestMemoryFactory reference) {
        return Intercept.of(GuestMemoryFactory.class, reference, new Object() {
            GuestPhysicalMemory newGuestMemory(long hostPages) {
                GuestPhysicalMemory real = reference.newGuestMemory(hostPages);
                return Intercept.of(GuestPhysicalMemory.class, real, new Object() {
                    long read(long gcPhys, int width) {
                        if (width == 0) {
                            real.read(gcPhys & ~7L, 1);
                            return 0;
                        }
                        return real.read(gcPhys, width);
                    }

                    void write(long gcPhys, int width, long value) {
                        if (width == 0) {
                            real.read(gcPhys & ~7L, 1);
                            return;
                        }
                        real.write(gcPhys, width, value);
                    }
                });
            }
        });
    }
}
