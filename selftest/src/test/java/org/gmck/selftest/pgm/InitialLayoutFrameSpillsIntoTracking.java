package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.HostPlacement;
import org.gmck.spi.pgm.phys.PageRecordLayout;
import org.gmck.spi.pgm.phys.PhysPage;
import org.gmck.spi.pgm.phys.PhysStatus;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;

/**
 * Packs the host address into the initial layout with the final layout's 36-bit frame mask and no range
 * check: a host page at or above 2^40 is recorded anyway, its upper frame bits spilling into the shadow
 * tracking bits above bit 39, where they read as a reference count and a pool index.
 */
@Breaks("PGM-REC-14")
public final class InitialLayoutFrameSpillsIntoTracking extends KnownBad {

    private static final long FINAL_FRAME = 0x0000_FFFF_FFFF_F000L;

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
                try {
                    return real.packedRecord(gcPhys, layout);
                } catch (RejectedException e) {
                    if (layout != PageRecordLayout.INITIAL || e.status() != PhysStatus.VERR_OUT_OF_RANGE) {
                        throw e;
                    }
                    return unchecked(gcPhys);
                }
            }

            /** The initial record worked out from the page itself, the frame masked to 36 bits. */
            private long[] unchecked(long gcPhys) {
                PhysPage page = real.page(gcPhys);
                long flags = switch (page.type()) {
                    case RESERVED -> 0x1;
                    case ROM -> 0x2;
                    case MMIO -> 0x4;
                    case MMIO2 -> 0x8;
                    case SHADOWED_ROM -> 0xA;
                    case RAM -> 0;
                };
                long word0 = page.hostPhys() & FINAL_FRAME | flags;
                long word1 = page.pageId() & 0x0FFF_FFFFL
                        | (long) page.state().ordinal() << 28
                        | (page.writtenTo() ? 1L << 30 : 0);
                return new long[] {word0, word1};
            }
        });
    }
}
