package org.gmck.selftest.pgm;

import java.util.HashMap;
import java.util.Map;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.HostPlacement;
import org.gmck.spi.pgm.phys.PageState;
import org.gmck.spi.pgm.phys.PhysPage;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;

/**
 * Copies a shared page on a write by swapping in the new host page's address alone: the page's record
 * keeps the shared page's id, so the page id no longer names the page's host page, and giving the private
 * copy back would drop a reference to the shared page instead.
 *
 * <p>The fault is made through the SPI alone: the shared id is remembered when the copy is made and
 * reported for the page while it keeps the copy.
 */
@Breaks("PGM-PHYS-24")
public final class CopiedPageKeepsSharedPageId extends KnownBad {

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

    /** A page copied from a shared one: the host page of the copy and the shared page's id. */
    private record Stale(long hostPhys, int sharedId) {}

    private static GuestPhysicalMemory faulty(GuestPhysicalMemory real) {
        Map<Long, Stale> stale = new HashMap<>();
        return Intercept.of(GuestPhysicalMemory.class, real, new Object() {
            void write(long gcPhys, int width, long value) {
                PhysPage before = real.page(gcPhys);
                real.write(gcPhys, width, value);
                if (before.state() == PageState.SHARED) {
                    stale.put(before.gcPhys(), new Stale(real.page(gcPhys).hostPhys(), before.pageId()));
                }
            }

            PhysPage page(long gcPhys) {
                PhysPage page = real.page(gcPhys);
                Stale s = stale.get(page.gcPhys());
                if (s == null || s.hostPhys() != page.hostPhys()) {
                    return page;
                }
                return new PhysPage(
                        page.gcPhys(),
                        page.type(),
                        page.state(),
                        page.hostPhys(),
                        s.sharedId(),
                        page.writtenTo(),
                        page.readOnly(),
                        page.physHandler(),
                        page.virtHandler());
            }
        });
    }
}
