package org.gmck.selftest.largepage;

import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.largepage.HostBacking;
import org.gmck.spi.largepage.LargePages;
import org.gmck.spi.largepage.MappingSize;
import org.gmck.spi.largepage.MemorySlot;
import org.gmck.spi.largepage.MmuOptions;
import org.gmck.spi.largepage.ShadowMmu;

/**
 * Reads the large-page option as "split the range at 2 MB boundaries" only, and backs a range that needs no
 * split (one starting and ending on 2 MB boundaries) with 2 MB host pages whether the option is on or off.
 */
@Breaks(value = "LP-SPLIT-4", also = "LP-SPLIT-5")
public final class AlignedMemoryLargeWithoutOption extends KnownBad {

    private static final long FRAME = MappingSize.LARGE_2M.bytes();

    LargePages largePages(LargePages reference) {
        return new ForwardingLargePages(reference) {
            @Override
            public ShadowMmu newMmu(MmuOptions options) {
                return new ForwardingShadowMmu(real.newMmu(options)) {
                    @Override
                    public List<MemorySlot> addGuestMemory(long guestBase, long size) {
                        if (options.backWithLargePages() || size <= 0 || guestBase % FRAME != 0 || size % FRAME != 0) {
                            return real.addGuestMemory(guestBase, size);
                        }
                        long host = 1L << 42;
                        for (MemorySlot slot : real.slots()) {
                            host = Math.max(host, slot.hostBase() + slot.size());
                        }
                        MemorySlot slot =
                                new MemorySlot(guestBase, size, (host + FRAME - 1) & -FRAME, HostBacking.LARGE_PAGES);
                        real.addSlot(slot);
                        return List.of(slot);
                    }
                };
            }
        };
    }
}
