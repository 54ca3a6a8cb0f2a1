package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.PageState;
import org.gmck.spi.pgm.phys.PageType;
import org.gmck.spi.pgm.phys.PhysPage;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;

/**
 * Lets page fusion take any RAM page that has a private page of its own, testing the state against ZERO
 * and SHARED only: a write-monitored page is shared like a normal one, and the live save watching it
 * loses track of it.
 *
 * <p>The fault is made through the SPI alone: the monitored page is made normal (its first byte written
 * back as it was) and then shared.
 */
@Breaks("PGM-PHYS-19")
public final class WriteMonitoredPageShared extends KnownBad {

    GuestMemoryFactory guestMemory(GuestMemoryFactory reference) {
        return Intercept.of(GuestMemoryFactory.class, reference, new Object() {
            GuestPhysicalMemory newGuestMemory(long hostPages) {
                GuestPhysicalMemory real = reference.newGuestMemory(hostPages);
                return Intercept.of(GuestPhysicalMemory.class, real, new Object() {
                    void sharePage(long gcPhys) {
                        PhysPage page = real.page(gcPhys);
                        if (page.type() == PageType.RAM && page.state() == PageState.WRITE_MONITORED) {
                            real.write(page.gcPhys(), 1, real.read(page.gcPhys(), 1));
                        }
                        real.sharePage(gcPhys);
                    }
                });
            }
        });
    }
}
