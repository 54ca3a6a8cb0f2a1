package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;

/**
 * Packs the high 16 bits of a page's id at bit 52 instead of bit 48 of the record's first word, a shift
 * off by one nibble: the top four bits of the id fall off the word, and the nil id no longer reads as nil.
 */
@Breaks("PGM-REC-3")
public final class PageIdHighBitsShiftedTooFar extends KnownBad {

    private static final long HIGH_HALF = 0xFFFFL << 48;

    GuestMemoryFactory guestMemory(GuestMemoryFactory reference) {
        return Intercept.of(GuestMemoryFactory.class, reference, new Object() {
            GuestPhysicalMemory newGuestMemory(long hostPages) {
                GuestPhysicalMemory real = reference.newGuestMemory(hostPages);
                return Intercept.of(GuestPhysicalMemory.class, real, new Object() {
                    long[] packedRecord(long gcPhys) {
                        long[] record = real.packedRecord(gcPhys).clone();
                        long high = (record[0] & HIGH_HALF) >>> 48;
                        record[0] = record[0] & ~HIGH_HALF | high << 52;
                        return record;
                    }
                });
            }
        });
    }
}
