package org.gmck.selftest.largepage;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.largepage.LargeMappingDecision;
import org.gmck.spi.largepage.LargePages;
import org.gmck.spi.largepage.MappingSize;
import org.gmck.spi.largepage.MmuOptions;
import org.gmck.spi.largepage.ShadowEntry;
import org.gmck.spi.largepage.ShadowMmu;

/**
 * Shadowing a real-mode pseudo entry replaces the 4 KB entries its address had, but its own short path
 * forgets to take the old ones out of the reverse maps for table entries (the path for guest PSE entries
 * does). The reverse maps then still say the address maps the frame it mapped before, so write-protecting a
 * page of that old frame makes the new 4 KB entry at the same offset read-only, though it maps another page.
 */
@Breaks("LP-ZAP-7")
public final class RealModeEntryKeepsReplacedReverseMaps extends KnownBad {

    private static final long FRAME = MappingSize.LARGE_2M.bytes();
    private static final long PAGE = MappingSize.SMALL_4K.bytes();

    LargePages largePages(LargePages reference) {
        return new ForwardingLargePages(reference) {
            @Override
            public ShadowMmu newMmu(MmuOptions options) {
                return new ForwardingShadowMmu(real.newMmu(options)) {
                    /** Per translated frame, the guest-physical frames its replaced 4 KB entries were mapping. */
                    private final Map<Long, Set<Long>> stale = new HashMap<>();
                    /** Guest pages whose entry a stale reverse-map entry made read-only. */
                    private final Set<Long> readOnly = new HashSet<>();

                    @Override
                    public LargeMappingDecision shadowGuestLargeEntry(long gva, long gpa) {
                        LargeMappingDecision decision = real.shadowGuestLargeEntry(gva, gpa);
                        stale.remove(gva);
                        readOnly.removeIf(page -> (page & -FRAME) == gva);
                        return decision;
                    }

                    @Override
                    public LargeMappingDecision shadowRealModeEntry(long gpa) {
                        Optional<ShadowEntry> old = real.entryFor(gpa);
                        LargeMappingDecision decision = real.shadowRealModeEntry(gpa);
                        readOnly.removeIf(page -> (page & -FRAME) == gpa);
                        old.filter(e -> e.size() == MappingSize.SMALL_4K && (e.gpa() & -FRAME) != gpa)
                                .ifPresent(e -> stale.computeIfAbsent(gpa, a -> new HashSet<>())
                                        .add(e.gpa() & -FRAME));
                        return decision;
                    }

                    @Override
                    public void shadowPageTable(long gpa) {
                        real.shadowPageTable(gpa);
                        long frame = gpa & -FRAME;
                        stale.forEach((address, frames) -> {
                            if (frames.contains(frame)) {
                                readOnly.add(address + (gpa & -PAGE) - frame);
                            }
                        });
                    }

                    @Override
                    public Optional<ShadowEntry> entryFor(long address) {
                        return real.entryFor(address)
                                .map(e -> e.size() == MappingSize.SMALL_4K && readOnly.contains(address & -PAGE)
                                        ? new ShadowEntry(e.address(), e.gpa(), e.size(), false)
                                        : e);
                    }
                };
            }
        };
    }
}
