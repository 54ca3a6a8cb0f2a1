package org.gmck.selftest.largepage;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.largepage.LargePageStatus;
import org.gmck.spi.largepage.LargePages;
import org.gmck.spi.largepage.MappingSize;
import org.gmck.spi.largepage.MemorySlot;
import org.gmck.spi.largepage.MmuOptions;
import org.gmck.spi.largepage.ShadowMmu;

/**
 * Finds a page table's counter by its distance from the slot's base, {@code (gpa - base) / 2 MB}, instead of
 * from the slot's first whole frame. In a slot starting on a 2 MB boundary the two agree; in one starting off
 * it (1 MB to 1 GB, say), a table in the upper half of a frame is counted in the next frame, and unshadowing
 * then checks the wrong counter for underflow.
 */
@Breaks(value = "LP-BAD-8", also = "LP-BAD-7")
public final class CounterIndexedFromSlotBase extends KnownBad {

    private static final long FRAME = MappingSize.LARGE_2M.bytes();
    private static final long PAGE = MappingSize.SMALL_4K.bytes();

    LargePages largePages(LargePages reference) {
        return new ForwardingLargePages(reference) {
            @Override
            public ShadowMmu newMmu(MmuOptions options) {
                return new ForwardingShadowMmu(real.newMmu(options)) {
                    /** Shadows per page. */
                    private final Map<Long, Integer> shadows = new HashMap<>();
                    /** Shadows per counter, keyed by the frame the faulty index names. */
                    private final Map<Long, Integer> counted = new HashMap<>();

                    @Override
                    public void shadowPageTable(long gpa) {
                        real.shadowPageTable(gpa);
                        shadows.merge(gpa & -PAGE, 1, Integer::sum);
                        counterFrame(gpa).ifPresent(frame -> counted.merge(frame, 1, Integer::sum));
                    }

                    @Override
                    public void unshadowPageTable(long gpa) {
                        Optional<Long> frame = counterFrame(gpa);
                        if (frame.isEmpty() || options.nestedPaging()) {
                            real.unshadowPageTable(gpa);
                            shadows.merge(gpa & -PAGE, -1, Integer::sum);
                            return;
                        }
                        if (counted.getOrDefault(frame.get(), 0) == 0) {
                            throw new RejectedException(
                                    LargePageStatus.WRITE_PROTECT_COUNT_UNDERFLOW,
                                    "the frame's counter already says no page is write-protected");
                        }
                        if (shadows.getOrDefault(gpa & -PAGE, 0) == 0) {
                            throw new RejectedException(LargePageStatus.PAGE_NOT_SHADOWED, "the page has no shadow");
                        }
                        real.unshadowPageTable(gpa);
                        shadows.merge(gpa & -PAGE, -1, Integer::sum);
                        counted.merge(frame.get(), -1, Integer::sum);
                    }

                    /** The frame whose counter the faulty index names for the page at {@code gpa}, if it has one. */
                    private Optional<Long> counterFrame(long gpa) {
                        for (MemorySlot slot : real.slots()) {
                            if (slot.contains(gpa)) {
                                long first = (slot.guestBase() + FRAME - 1) & -FRAME;
                                long framesEnd = slot.guestEnd() & -FRAME;
                                long own = gpa & -FRAME;
                                if (own < first || own >= framesEnd) {
                                    return Optional.empty();
                                }
                                long frame = first + ((gpa - slot.guestBase()) / FRAME) * FRAME;
                                return frame < framesEnd ? Optional.of(frame) : Optional.empty();
                            }
                        }
                        return Optional.empty();
                    }
                };
            }
        };
    }
}
