package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.HostPlacement;
import org.gmck.spi.pgm.phys.PageRecordLayout;
import org.gmck.spi.pgm.phys.PhysPage;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;

/**
 * Two faults that hide each other. The packing puts the page id's high 16 bits at bit 52 of word 0 instead
 * of bit 48, so their top four bits fall off the word; and a page without a page id is packed from a
 * constant with every id bit set, not through that shift. The constant makes the nil id, the one id whose
 * high bits a VM's own pages show at once, read right; the ids a small host hands out have no high bits
 * at all. Only a page id with its high bits set shows the shift.
 */
@Breaks("PGM-REC-3")
public final class PageIdHighBitsAtBit52WithNilConstant extends KnownBad {

    private static final long ID_FIELDS = 0xFFFF_0000_0000_0FFFL;

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
                int id = real.page(gcPhys).pageId();
                long frame = record[0] & ~ID_FIELDS;
                record[0] =
                        id == PhysPage.NIL_PAGE_ID ? frame | ID_FIELDS : frame | (long) (id >>> 12) << 52 | id & 0xFFF;
                return record;
            }

            long[] packedRecord(long gcPhys, PageRecordLayout layout) {
                return layout == PageRecordLayout.FINAL ? packedRecord(gcPhys) : real.packedRecord(gcPhys, layout);
            }
        });
    }
}
