package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.PageType;
import org.gmck.spi.pgm.phys.PhysPage;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;

/**
 * Works the read-only flag out from the page type's family: a shadowed ROM page counts as ROM and is
 * flagged read-only even after its first write gave it a private page that takes writes in place, so the
 * shadow keeps trapping every write to the ROM's RAM copy.
 */
@Breaks("PGM-PHYS-10")
public final class ShadowedRomReportedReadOnly extends KnownBad {

    GuestMemoryFactory guestMemory(GuestMemoryFactory reference) {
        return Intercept.of(GuestMemoryFactory.class, reference, new Object() {
            GuestPhysicalMemory newGuestMemory(long hostPages) {
                GuestPhysicalMemory real = reference.newGuestMemory(hostPages);
                return Intercept.of(GuestPhysicalMemory.class, real, new Object() {
                    PhysPage page(long gcPhys) {
                        PhysPage page = real.page(gcPhys);
                        if (page.type() != PageType.SHADOWED_ROM) {
                            return page;
                        }
                        return new PhysPage(
                                page.gcPhys(),
                                page.type(),
                                page.state(),
                                page.hostPhys(),
                                page.pageId(),
                                page.writtenTo(),
                                true,
                                page.physHandler(),
                                page.virtHandler());
                    }
                });
            }
        });
    }
}
