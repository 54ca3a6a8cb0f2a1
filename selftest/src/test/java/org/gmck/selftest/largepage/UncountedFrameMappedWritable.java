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
 * Looks up the per-page write protections, when it shadows a 2 MB guest mapping by 4 KB entries, only if
 * the frame's counter says some page is protected. A frame split between two slots has no counter, so all
 * its 4 KB entries come out writable, those over shadowed page tables included; only a later write
 * protection, through the reverse map, makes them read-only.
 */
@Breaks("LP-MAP-8")
public final class UncountedFrameMappedWritable extends KnownBad {

    private static final long FRAME = MappingSize.LARGE_2M.bytes();
    private static final long PAGE = MappingSize.SMALL_4K.bytes();

    LargePages largePages(LargePages reference) {
        return new ForwardingLargePages(reference) {
            @Override
            public ShadowMmu newMmu(MmuOptions options) {
                return new ForwardingShadowMmu(real.newMmu(options)) {
                    /** Guest-virtual pages mapped writable against their page's protection. */
                    private final Set<Long> writable = new HashSet<>();
                    /** Guest-virtual frame to the guest-physical frame its 4 KB entries map. */
                    private final Map<Long, Long> mapped = new HashMap<>();

                    @Override
                    public LargeMappingDecision shadowGuestLargeEntry(long gva, long gpa) {
                        return map(gva, gpa, real.shadowGuestLargeEntry(gva, gpa));
                    }

                    @Override
                    public LargeMappingDecision shadowRealModeEntry(long gpa) {
                        return map(gpa, gpa, real.shadowRealModeEntry(gpa));
                    }

                    @Override
                    public void shadowPageTable(long gpa) {
                        real.shadowPageTable(gpa);
                        long page = gpa & -PAGE;
                        mapped.forEach((gva, frame) -> {
                            if (frame == (page & -FRAME)) {
                                writable.remove(gva + page - frame);
                            }
                        });
                    }

                    @Override
                    public Optional<ShadowEntry> entryFor(long address) {
                        Optional<ShadowEntry> entry = real.entryFor(address);
                        if (entry.isPresent() && writable.contains(address & -PAGE)) {
                            ShadowEntry e = entry.get();
                            return Optional.of(new ShadowEntry(e.address(), e.gpa(), e.size(), true));
                        }
                        return entry;
                    }

                    private LargeMappingDecision map(long gva, long gpa, LargeMappingDecision decision) {
                        writable.removeIf(page -> (page & -FRAME) == gva);
                        mapped.remove(gva);
                        if (decision == LargeMappingDecision.SMALL_FRAME_NOT_IN_ONE_SLOT) {
                            mapped.put(gva, gpa);
                            for (long offset = 0; offset < FRAME; offset += PAGE) {
                                if (real.writeProtected(gpa + offset)) {
                                    writable.add(gva + offset);
                                }
                            }
                        }
                        return decision;
                    }
                };
            }
        };
    }
}
