package org.gmck.selftest.pgm;

import java.util.ArrayList;
import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.PageState;
import org.gmck.spi.pgm.phys.PageType;
import org.gmck.spi.pgm.phys.PhysPage;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;

/**
 * Gives every guest memory range a zero page of its own, set up when the range is registered, instead of
 * backing all of a VM's untouched pages with its one per-VM zero page: the pages of the first range are
 * backed by the VM's zero page, those of every later range by another host page.
 */
@Breaks("PGM-PHYS-1")
public final class ZeroPageOfItsOwnPerRange extends KnownBad {

    GuestMemoryFactory guestMemory(GuestMemoryFactory reference) {
        return Intercept.of(GuestMemoryFactory.class, reference, new Object() {
            GuestPhysicalMemory newGuestMemory(long hostPages) {
                GuestPhysicalMemory real = reference.newGuestMemory(hostPages);
                List<long[]> ranges = new ArrayList<>();
                return Intercept.of(GuestPhysicalMemory.class, real, new Object() {
                    void registerRange(PageType type, long gcPhys, long size) {
                        real.registerRange(type, gcPhys, size);
                        ranges.add(new long[] {gcPhys, size});
                    }

                    PhysPage page(long gcPhys) {
                        PhysPage page = real.page(gcPhys);
                        int range = rangeOf(gcPhys);
                        if (page.state() != PageState.ZERO || range <= 0) {
                            return page;
                        }
                        long ownZeroPage = real.zeroPageHostPhys() + ((long) range << 12);
                        return new PhysPage(
                                page.gcPhys(),
                                page.type(),
                                page.state(),
                                ownZeroPage,
                                page.pageId(),
                                page.writtenTo(),
                                page.readOnly(),
                                page.physHandler(),
                                page.virtHandler());
                    }

                    private int rangeOf(long gcPhys) {
                        for (int i = 0; i < ranges.size(); i++) {
                            long[] r = ranges.get(i);
                            if (Long.compareUnsigned(gcPhys - r[0], r[1]) < 0) {
                                return i;
                            }
                        }
                        return -1;
                    }
                });
            }
        });
    }
}
