package org.gmck.selftest.pgm;

import java.util.HashSet;
import java.util.Set;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.PageCounts;
import org.gmck.spi.pgm.phys.PageState;
import org.gmck.spi.pgm.phys.PageType;
import org.gmck.spi.pgm.phys.PhysPage;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;

/**
 * Sends a guest write to an MMIO2 page straight to its backing, since MMIO2 is written in place, without
 * first making the page writable: a write-monitored MMIO2 page (a frame buffer during a live save) takes
 * the write but stays WRITE_MONITORED and is never marked written to, so the save never sends it again.
 *
 * <p>The fault is made through the SPI alone: the MMIO2 pages written while monitored are remembered and
 * reported as still monitored and unwritten until monitoring is armed again.
 */
@Breaks(value = "PGM-PHYS-8", also = "PGM-PHYS-9")
public final class Mmio2WritesBypassWriteMonitoring extends KnownBad {

    GuestMemoryFactory guestMemory(GuestMemoryFactory reference) {
        return Intercept.of(GuestMemoryFactory.class, reference, new Object() {
            GuestPhysicalMemory newGuestMemory(long hostPages) {
                GuestPhysicalMemory real = reference.newGuestMemory(hostPages);
                Set<Long> unnoticed = new HashSet<>();
                return Intercept.of(GuestPhysicalMemory.class, real, new Object() {
                    void write(long gcPhys, int width, long value) {
                        PhysPage before = real.page(gcPhys);
                        real.write(gcPhys, width, value);
                        if (before.type() == PageType.MMIO2 && before.state() == PageState.WRITE_MONITORED) {
                            unnoticed.add(before.gcPhys());
                        }
                    }

                    void writeMonitorAll() {
                        real.writeMonitorAll();
                        unnoticed.clear();
                    }

                    PhysPage page(long gcPhys) {
                        PhysPage page = real.page(gcPhys);
                        if (!unnoticed.contains(page.gcPhys())) {
                            return page;
                        }
                        return new PhysPage(
                                page.gcPhys(),
                                page.type(),
                                PageState.WRITE_MONITORED,
                                page.hostPhys(),
                                page.pageId(),
                                false,
                                true,
                                page.physHandler(),
                                page.virtHandler());
                    }

                    PageCounts counts() {
                        PageCounts c = real.counts();
                        return new PageCounts(
                                c.zero(),
                                c.privately(),
                                c.shared(),
                                c.monitored() + unnoticed.size(),
                                c.writtenTo() - unnoticed.size());
                    }
                });
            }
        });
    }
}
