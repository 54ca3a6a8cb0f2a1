package org.gmck.selftest.pgm;

import java.util.HashMap;
import java.util.Map;
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
 * Arms write monitoring on every normal page of a writable type, shadowed ROM included: a shadowed ROM
 * page that has its private copy becomes WRITE_MONITORED with the RAM and MMIO2 pages, though live save
 * treats the ROM shadow as part of the device, not of guest RAM.
 *
 * <p>The fault is made through the SPI alone: the shadowed ROM pages it would have armed are remembered
 * and reported as monitored until the guest writes to them.
 */
@Breaks("PGM-PHYS-7")
public final class ShadowedRomWriteMonitored extends KnownBad {

    GuestMemoryFactory guestMemory(GuestMemoryFactory reference) {
        return Intercept.of(GuestMemoryFactory.class, reference, new Object() {
            GuestPhysicalMemory newGuestMemory(long hostPages) {
                GuestPhysicalMemory real = reference.newGuestMemory(hostPages);
                Map<Long, long[]> shadowedRom = new HashMap<>();
                // the shadowed ROM pages armed: still monitored (true) or written to since (false)
                Map<Long, Boolean> armed = new HashMap<>();
                return Intercept.of(GuestPhysicalMemory.class, real, new Object() {
                    void registerRange(PageType type, long gcPhys, long size) {
                        real.registerRange(type, gcPhys, size);
                        if (type == PageType.SHADOWED_ROM) {
                            shadowedRom.put(gcPhys, new long[] {gcPhys, size});
                        }
                    }

                    void writeMonitorAll() {
                        real.writeMonitorAll();
                        armed.clear();
                        for (long[] r : shadowedRom.values()) {
                            for (long a = r[0]; a - r[0] < r[1]; a += 4096) {
                                if (real.page(a).state() == PageState.ALLOCATED) {
                                    armed.put(a, true);
                                }
                            }
                        }
                    }

                    void write(long gcPhys, int width, long value) {
                        real.write(gcPhys, width, value);
                        armed.computeIfPresent(gcPhys & ~0xFFFL, (k, v) -> false);
                    }

                    PhysPage page(long gcPhys) {
                        PhysPage page = real.page(gcPhys);
                        Boolean monitored = armed.get(page.gcPhys());
                        if (monitored == null) {
                            return page;
                        }
                        return new PhysPage(
                                page.gcPhys(),
                                page.type(),
                                monitored ? PageState.WRITE_MONITORED : PageState.ALLOCATED,
                                page.hostPhys(),
                                page.pageId(),
                                !monitored,
                                monitored,
                                page.physHandler(),
                                page.virtHandler());
                    }

                    PageCounts counts() {
                        PageCounts c = real.counts();
                        long monitored = armed.values().stream().filter(v -> v).count();
                        long written = armed.size() - monitored;
                        return new PageCounts(
                                c.zero(),
                                c.privately(),
                                c.shared(),
                                c.monitored() + monitored,
                                c.writtenTo() + written);
                    }
                });
            }
        });
    }
}
