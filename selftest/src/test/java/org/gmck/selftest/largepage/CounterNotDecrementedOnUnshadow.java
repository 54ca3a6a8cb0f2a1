package org.gmck.selftest.largepage;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.largepage.LargeMappingDecision;
import org.gmck.spi.largepage.LargePageStatus;
import org.gmck.spi.largepage.LargePages;
import org.gmck.spi.largepage.MappingSize;
import org.gmck.spi.largepage.MmuOptions;
import org.gmck.spi.largepage.ShadowEntry;
import org.gmck.spi.largepage.ShadowMmu;

/**
 * Unshadowing a page table drops the page's own write protection but forgets to take it off its frame's
 * counter (the decrement missing from the unshadow path), so a frame that once held a page table is never
 * shadowed large again. The leaked count is kept here as a write protection the page does not report.
 */
@Breaks(value = "LP-MAP-6", also = "LP-ENC-5")
public final class CounterNotDecrementedOnUnshadow extends KnownBad {

    LargePages largePages(LargePages reference) {
        return new ForwardingLargePages(reference) {
            @Override
            public ShadowMmu newMmu(MmuOptions options) {
                return new ForwardingShadowMmu(real.newMmu(options)) {
                    /** The shadows each 4 KB page really has; the rest of the reference's count has leaked. */
                    private final Map<Long, Integer> shadows = new HashMap<>();
                    /** When each page lost its last shadow, and when each translated frame was last mapped. */
                    private final Map<Long, Long> released = new HashMap<>();

                    private final Map<Long, Long> mapped = new HashMap<>();
                    private long clock;

                    @Override
                    public void shadowPageTable(long gpa) {
                        real.shadowPageTable(gpa);
                        shadows.merge(page(gpa), 1, Integer::sum);
                    }

                    @Override
                    public void unshadowPageTable(long gpa) {
                        if (shadows(gpa) == 0 && real.writeProtected(gpa)) {
                            throw new RejectedException(
                                    LargePageStatus.PAGE_NOT_SHADOWED,
                                    String.format("the page at %#x has no shadow", gpa));
                        }
                        real.unshadowPageTable(gpa);
                        real.shadowPageTable(gpa);
                        if (shadows.merge(page(gpa), -1, Integer::sum) == 0) {
                            released.put(page(gpa), ++clock);
                        }
                    }

                    @Override
                    public LargeMappingDecision shadowGuestLargeEntry(long gva, long gpa) {
                        LargeMappingDecision decision = real.shadowGuestLargeEntry(gva, gpa);
                        mapped.put(gva, ++clock);
                        return decision;
                    }

                    @Override
                    public LargeMappingDecision shadowRealModeEntry(long gpa) {
                        LargeMappingDecision decision = real.shadowRealModeEntry(gpa);
                        mapped.put(gpa, ++clock);
                        return decision;
                    }

                    @Override
                    public boolean writeProtected(long gpa) {
                        return shadows(gpa) > 0;
                    }

                    /**
                     * A 4 KB entry made after its page lost its last shadow is writable here: the reference made it
                     * read-only only because of the leaked count. Entries made before stay as the reference has them.
                     */
                    @Override
                    public Optional<ShadowEntry> entryFor(long address) {
                        return real.entryFor(address)
                                .map(e -> e.size() == MappingSize.SMALL_4K
                                                && !e.writable()
                                                && !writeProtected(e.gpa())
                                                && madeSinceRelease(e)
                                        ? new ShadowEntry(e.address(), e.gpa(), e.size(), true)
                                        : e);
                    }

                    private boolean madeSinceRelease(ShadowEntry e) {
                        long frame = e.address() & -MappingSize.LARGE_2M.bytes();
                        return mapped.getOrDefault(frame, 0L) > released.getOrDefault(page(e.gpa()), 0L);
                    }

                    private int shadows(long gpa) {
                        return shadows.getOrDefault(page(gpa), 0);
                    }
                };
            }
        };
    }

    private static long page(long gpa) {
        return gpa & -MappingSize.SMALL_4K.bytes();
    }
}
