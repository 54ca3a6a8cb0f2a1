package org.gmck.selftest.largepage;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.largepage.LargeMappingDecision;
import org.gmck.spi.largepage.LargePages;
import org.gmck.spi.largepage.MappingSize;
import org.gmck.spi.largepage.MmuOptions;
import org.gmck.spi.largepage.ShadowEntry;
import org.gmck.spi.largepage.ShadowMmu;

/**
 * Keeps a single reverse-map slot per frame for page-directory entries, overwritten by each new large
 * entry, instead of a list: write-protecting a page zaps only the most recent large entry over its frame,
 * and the frame stays writable through every other guest-virtual alias of it.
 */
@Breaks("LP-ZAP-2")
public final class OnlyLatestLargeEntryZapped extends KnownBad {

    LargePages largePages(LargePages reference) {
        return new ForwardingLargePages(reference) {
            @Override
            public ShadowMmu newMmu(MmuOptions options) {
                return new ForwardingShadowMmu(real.newMmu(options)) {
                    /** Every large entry made, by the address it translates. */
                    private final Map<Long, ShadowEntry> large = new HashMap<>();
                    /** The address of the latest large entry over each frame: the only one the rmap knows. */
                    private final Map<Long, Long> latest = new HashMap<>();

                    @Override
                    public LargeMappingDecision shadowGuestLargeEntry(long gva, long gpa) {
                        return remember(gva, real.shadowGuestLargeEntry(gva, gpa));
                    }

                    @Override
                    public LargeMappingDecision shadowRealModeEntry(long gpa) {
                        return remember(gpa, real.shadowRealModeEntry(gpa));
                    }

                    @Override
                    public void shadowPageTable(long gpa) {
                        real.shadowPageTable(gpa);
                        Long zapped = latest.remove(gpa & -MappingSize.LARGE_2M.bytes());
                        if (zapped != null) {
                            large.remove(zapped);
                        }
                    }

                    @Override
                    public Optional<ShadowEntry> entryFor(long address) {
                        Optional<ShadowEntry> entry = real.entryFor(address);
                        return entry.isPresent()
                                ? entry
                                : Optional.ofNullable(large.get(address & -MappingSize.LARGE_2M.bytes()));
                    }

                    private LargeMappingDecision remember(long address, LargeMappingDecision decision) {
                        large.remove(address);
                        real.entryFor(address)
                                .filter(e -> e.size() == MappingSize.LARGE_2M)
                                .ifPresent(e -> {
                                    large.put(address, e);
                                    latest.put(e.gpa(), address);
                                });
                        return decision;
                    }
                };
            }
        };
    }
}
