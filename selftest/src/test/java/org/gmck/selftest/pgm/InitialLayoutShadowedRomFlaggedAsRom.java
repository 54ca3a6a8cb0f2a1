package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.HostPlacement;
import org.gmck.spi.pgm.phys.PageRecordLayout;
import org.gmck.spi.pgm.phys.PageType;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;

/**
 * Maps each page type to one flag bit of the initial layout, so a shadowed ROM page is flagged ROM alone:
 * the MMIO2 bit that, set beside ROM, marked the ROM's writable RAM copy is lost, and the page reads as a
 * plain, read-only ROM page.
 */
@Breaks("PGM-REC-15")
public final class InitialLayoutShadowedRomFlaggedAsRom extends KnownBad {

    private static final long MMIO2_FLAG = 1L << 3;

    GuestMemoryFactory guestMemory(GuestMemoryFactory reference) {
        return Intercept.of(GuestMemoryFactory.class, reference, new Object() {
            GuestPhysicalMemory newGuestMemory(long hostPages) {
                return faulty(reference.newGuestMemory(hostPages));
            }

            GuestPhysicalMemory newGuestMemory(long hostPages, HostPlacement placement) {
                return faulty(reference.newGuestMemory(hostPages, placement));
            }
        });
    }

    private static GuestPhysicalMemory faulty(GuestPhysicalMemory real) {
        return Intercept.of(GuestPhysicalMemory.class, real, new Object() {
            long[] packedRecord(long gcPhys, PageRecordLayout layout) {
                long[] record = real.packedRecord(gcPhys, layout);
                if (layout == PageRecordLayout.INITIAL && real.page(gcPhys).type() == PageType.SHADOWED_ROM) {
                    record = record.clone();
                    record[0] &= ~MMIO2_FLAG;
                }
                return record;
            }
        });
    }
}
