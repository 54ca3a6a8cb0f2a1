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
 * Keeps one reverse-map slot per guest page for 4 KB shadow entries, overwritten by each new entry over the
 * page, instead of a list: write-protecting a page makes only the most recent 4 KB entry over it read-only,
 * and every older guest-virtual alias of the page stays writable.
 */
@Breaks("LP-ZAP-4")
public final class OnlyLatestSmallEntryWriteProtected extends KnownBad {

    private static final long FRAME = MappingSize.LARGE_2M.bytes();
    private static final long PAGE = MappingSize.SMALL_4K.bytes();

    LargePages largePages(LargePages reference) {
        return new ForwardingLargePages(reference) {
            @Override
            public ShadowMmu newMmu(MmuOptions options) {
                return new ForwardingShadowMmu(real.newMmu(options)) {
                    /** Guest-virtual 2 MB frame to the guest-physical frame its 4 KB entries map. */
                    private final Map<Long, Long> smallFrames = new HashMap<>();
                    /** Guest-physical frame to the guest-virtual frame that mapped it last: the one rmap slot. */
                    private final Map<Long, Long> latest = new HashMap<>();
                    /** Guest-virtual pages the write protection missed. */
                    private final Set<Long> stillWritable = new HashSet<>();

                    @Override
                    public LargeMappingDecision shadowGuestLargeEntry(long gva, long gpa) {
                        LargeMappingDecision decision = real.shadowGuestLargeEntry(gva, gpa);
                        remember(gva, gpa, decision);
                        return decision;
                    }

                    @Override
                    public LargeMappingDecision shadowRealModeEntry(long gpa) {
                        LargeMappingDecision decision = real.shadowRealModeEntry(gpa);
                        remember(gpa, gpa, decision);
                        return decision;
                    }

                    @Override
                    public void shadowPageTable(long gpa) {
                        real.shadowPageTable(gpa);
                        long frame = gpa & -FRAME;
                        long offset = (gpa & -PAGE) - frame;
                        for (Map.Entry<Long, Long> e : smallFrames.entrySet()) {
                            if (e.getValue() == frame && !e.getKey().equals(latest.get(frame))) {
                                stillWritable.add(e.getKey() + offset);
                            }
                        }
                    }

                    @Override
                    public Optional<ShadowEntry> entryFor(long address) {
                        Optional<ShadowEntry> entry = real.entryFor(address);
                        if (entry.isPresent() && stillWritable.contains(address & -PAGE)) {
                            ShadowEntry e = entry.get();
                            return Optional.of(new ShadowEntry(e.address(), e.gpa(), e.size(), true));
                        }
                        return entry;
                    }

                    private void remember(long gva, long gpa, LargeMappingDecision decision) {
                        Long old = smallFrames.remove(gva);
                        if (old != null && gva == latest.getOrDefault(old, -1L)) {
                            latest.remove(old);
                        }
                        stillWritable.removeIf(page -> (page & -FRAME) == gva);
                        if (decision.size() == MappingSize.SMALL_4K) {
                            smallFrames.put(gva, gpa);
                            latest.put(gpa, gva);
                        }
                    }
                };
            }
        };
    }
}
