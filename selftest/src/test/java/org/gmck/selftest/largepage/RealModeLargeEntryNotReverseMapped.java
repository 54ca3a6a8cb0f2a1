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
 * Builds the 2 MB shadow entry for a real-mode pseudo entry in its own short path, which forgets to add it
 * to the reverse map for page-directory entries: write-protecting a page zaps the large entries made for
 * guest PSE entries over its frame, but the real-mode one stays present and writable.
 */
@Breaks(value = "LP-ZAP-1", also = "LP-ZAP-2")
public final class RealModeLargeEntryNotReverseMapped extends KnownBad {

    private static final long FRAME = MappingSize.LARGE_2M.bytes();

    LargePages largePages(LargePages reference) {
        return new ForwardingLargePages(reference) {
            @Override
            public ShadowMmu newMmu(MmuOptions options) {
                return new ForwardingShadowMmu(real.newMmu(options)) {
                    /** The real-mode large entries, by the address they translate: no reverse map knows them. */
                    private final Map<Long, ShadowEntry> unmapped = new HashMap<>();

                    @Override
                    public LargeMappingDecision shadowRealModeEntry(long gpa) {
                        LargeMappingDecision decision = real.shadowRealModeEntry(gpa);
                        unmapped.remove(gpa);
                        real.entryFor(gpa)
                                .filter(e -> e.size() == MappingSize.LARGE_2M)
                                .ifPresent(e -> unmapped.put(gpa, e));
                        return decision;
                    }

                    @Override
                    public LargeMappingDecision shadowGuestLargeEntry(long gva, long gpa) {
                        LargeMappingDecision decision = real.shadowGuestLargeEntry(gva, gpa);
                        unmapped.remove(gva);
                        return decision;
                    }

                    @Override
                    public Optional<ShadowEntry> entryFor(long address) {
                        Optional<ShadowEntry> entry = real.entryFor(address);
                        return entry.isPresent() ? entry : Optional.ofNullable(unmapped.get(address & -FRAME));
                    }
                };
            }
        };
    }
}
