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
 * Shadowing a guest large entry (or a real-mode pseudo entry) again, to the same frame and again by 4 KB
 * entries, reuses the 4 KB entries it has instead of rebuilding them, as if nothing could have changed: an
 * entry a write protection made read-only stays read-only though its page table has been unshadowed since.
 */
@Breaks("LP-MAP-9")
public final class ReshadowKeepsReadOnlyEntries extends KnownBad {

    private static final long FRAME = MappingSize.LARGE_2M.bytes();
    private static final long PAGE = MappingSize.SMALL_4K.bytes();

    LargePages largePages(LargePages reference) {
        return new ForwardingLargePages(reference) {
            @Override
            public ShadowMmu newMmu(MmuOptions options) {
                return new ForwardingShadowMmu(real.newMmu(options)) {
                    /** The guest-physical frame each translated frame's 4 KB entries map. */
                    private final Map<Long, Long> small = new HashMap<>();
                    /** Guest pages whose reused entry is still read-only. */
                    private final Set<Long> kept = new HashSet<>();

                    @Override
                    public LargeMappingDecision shadowGuestLargeEntry(long gva, long gpa) {
                        return reshadow(gva, gpa, () -> real.shadowGuestLargeEntry(gva, gpa));
                    }

                    @Override
                    public LargeMappingDecision shadowRealModeEntry(long gpa) {
                        return reshadow(gpa, gpa, () -> real.shadowRealModeEntry(gpa));
                    }

                    @Override
                    public Optional<ShadowEntry> entryFor(long address) {
                        return real.entryFor(address)
                                .map(e -> e.size() == MappingSize.SMALL_4K && kept.contains(address & -PAGE)
                                        ? new ShadowEntry(e.address(), e.gpa(), e.size(), false)
                                        : e);
                    }

                    private LargeMappingDecision reshadow(
                            long address, long gpa, java.util.function.Supplier<LargeMappingDecision> call) {
                        Set<Long> readOnly = new HashSet<>();
                        if (Long.valueOf(gpa).equals(small.get(address))) {
                            for (long page = address; page < address + FRAME; page += PAGE) {
                                Optional<ShadowEntry> e = entryFor(page);
                                if (e.isPresent() && !e.get().writable()) {
                                    readOnly.add(page);
                                }
                            }
                        }
                        LargeMappingDecision decision = call.get();
                        kept.removeIf(page -> (page & -FRAME) == address);
                        small.remove(address);
                        if (decision.size() == MappingSize.SMALL_4K) {
                            small.put(address, gpa);
                            kept.addAll(readOnly);
                        }
                        return decision;
                    }
                };
            }
        };
    }
}
