package org.gmck.selftest.largepage;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.largepage.HostBacking;
import org.gmck.spi.largepage.LargePages;
import org.gmck.spi.largepage.MappingSize;
import org.gmck.spi.largepage.MemorySlot;
import org.gmck.spi.largepage.MmuOptions;
import org.gmck.spi.largepage.ShadowMmu;

/**
 * Checks a new slot's host base for 4 KB alignment only, forgetting that a slot on 2 MB host pages
 * (HugeTLBfs) must start on a 2 MB host boundary: such a slot is accepted, and behaves as if on 4 KB pages.
 */
@Breaks("LP-BAD-2")
public final class MisalignedLargePageSlotAccepted extends KnownBad {

    LargePages largePages(LargePages reference) {
        return new ForwardingLargePages(reference) {
            @Override
            public ShadowMmu newMmu(MmuOptions options) {
                return new ForwardingShadowMmu(real.newMmu(options)) {
                    /** The guest bases of the slots accepted although misaligned. */
                    private final Set<Long> misaligned = new HashSet<>();

                    @Override
                    public void addSlot(MemorySlot slot) {
                        if (slot.backing() == HostBacking.LARGE_PAGES
                                && slot.hostBase() % MappingSize.LARGE_2M.bytes() != 0) {
                            real.addSlot(new MemorySlot(
                                    slot.guestBase(), slot.size(), slot.hostBase(), HostBacking.SMALL_PAGES));
                            misaligned.add(slot.guestBase());
                        } else {
                            real.addSlot(slot);
                        }
                    }

                    @Override
                    public List<MemorySlot> slots() {
                        return real.slots().stream()
                                .map(s -> misaligned.contains(s.guestBase())
                                        ? new MemorySlot(s.guestBase(), s.size(), s.hostBase(), HostBacking.LARGE_PAGES)
                                        : s)
                                .toList();
                    }
                };
            }
        };
    }
}
