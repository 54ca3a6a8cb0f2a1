package org.gmck.selftest.pgm;

import java.util.ArrayList;
import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.PageType;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;

/**
 * Checks a new range for overlap only against the range registered last, as if ranges were always
 * registered in ascending order: a range overlapping an earlier one is taken.
 *
 * <p>The fault is made through the SPI alone: such a range is accepted (and, since the reference cannot
 * hold two ranges over one page, not recorded).
 */
@Breaks("PGM-PHYS-14")
public final class OverlapCheckedAgainstLatestRangeOnly extends KnownBad {

    GuestMemoryFactory guestMemory(GuestMemoryFactory reference) {
        return Intercept.of(GuestMemoryFactory.class, reference, new Object() {
            GuestPhysicalMemory newGuestMemory(long hostPages) {
                GuestPhysicalMemory real = reference.newGuestMemory(hostPages);
                List<long[]> ranges = new ArrayList<>();
                return Intercept.of(GuestPhysicalMemory.class, real, new Object() {
                    void registerRange(PageType type, long gcPhys, long size) {
                        if (ranges.size() > 1
                                && !overlaps(ranges.get(ranges.size() - 1), gcPhys, size)
                                && ranges.stream().anyMatch(r -> overlaps(r, gcPhys, size))) {
                            return;
                        }
                        real.registerRange(type, gcPhys, size);
                        ranges.add(new long[] {gcPhys, size});
                    }

                    private boolean overlaps(long[] r, long start, long size) {
                        return start < r[0] + r[1] && r[0] < start + size;
                    }
                });
            }
        });
    }
}
