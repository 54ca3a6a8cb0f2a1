package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.HostPlacement;
import org.gmck.spi.pgm.phys.PageRecordLayout;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;

/**
 * Packs the host address into the final record with the frame mask of the earlier, initial layout,
 * {@code 0xFF_FFFF_F000}, left over from the old packing: the frame field keeps bits 39:12 only, and a host
 * page at or above 2^40 is recorded as one 2^40 bytes or more lower. Hosts below 1 TB never show it.
 */
@Breaks(value = "PGM-REC-2", also = "PGM-REC-14")
public final class HostFrameMaskedTo40Bits extends KnownBad {

    /** Bits 47:40 of word 0, which the 40-bit mask drops. */
    private static final long LOST = 0x0000_FF00_0000_0000L;

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
            long[] packedRecord(long gcPhys) {
                long[] record = real.packedRecord(gcPhys).clone();
                record[0] &= ~LOST;
                return record;
            }

            long[] packedRecord(long gcPhys, PageRecordLayout layout) {
                return layout == PageRecordLayout.FINAL ? packedRecord(gcPhys) : real.packedRecord(gcPhys, layout);
            }
        });
    }
}
