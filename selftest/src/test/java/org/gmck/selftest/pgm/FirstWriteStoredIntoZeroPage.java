package org.gmck.selftest.pgm;

import java.util.HashMap;
import java.util.Map;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.PageState;
import org.gmck.spi.pgm.phys.PhysPage;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;

/**
 * Stores the first write to a ZERO page through the mapping it already has, the zero page's, and only then
 * gives the page its private copy of what it now holds: the written page reads right, but the bytes stay
 * behind in the zero page, and every page still on it reads them.
 *
 * <p>The fault is made through the SPI alone: the bytes of such writes are kept as the zero page's
 * contents and returned by reads of pages still in state ZERO.
 */
@Breaks("PGM-PHYS-2")
public final class FirstWriteStoredIntoZeroPage extends KnownBad {

    GuestMemoryFactory guestMemory(GuestMemoryFactory reference) {
        return Intercept.of(GuestMemoryFactory.class, reference, new Object() {
            GuestPhysicalMemory newGuestMemory(long hostPages) {
                GuestPhysicalMemory real = reference.newGuestMemory(hostPages);
                Map<Integer, Byte> zeroPage = new HashMap<>();
                return Intercept.of(GuestPhysicalMemory.class, real, new Object() {
                    void write(long gcPhys, int width, long value) {
                        PhysPage before = real.page(gcPhys);
                        real.write(gcPhys, width, value);
                        if (before.state() == PageState.ZERO) {
                            for (int i = 0; i < width; i++) {
                                zeroPage.put((int) (gcPhys & 0xFFF) + i, (byte) (value >>> 8 * i));
                            }
                        }
                    }

                    long read(long gcPhys, int width) {
                        long value = real.read(gcPhys, width);
                        if (real.page(gcPhys).state() != PageState.ZERO) {
                            return value;
                        }
                        long stale = 0;
                        for (int i = width - 1; i >= 0; i--) {
                            stale = stale << 8 | zeroPage.getOrDefault((int) (gcPhys & 0xFFF) + i, (byte) 0) & 0xFF;
                        }
                        return stale;
                    }
                });
            }
        });
    }
}
