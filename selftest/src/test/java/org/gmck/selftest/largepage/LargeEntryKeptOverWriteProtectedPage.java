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
 * Counts a newly shadowed page table in its frame but never zaps the large shadow entries already mapping
 * that frame, as an MMU without reverse maps for page-directory entries would: the guest keeps writing
 * through the old 2 MB entry to a table the MMU believes write-protected.
 */
@Breaks(
        value = "LP-ZAP-1",
        also = {"LP-ZAP-2", "LP-ZAP-8"})
public final class LargeEntryKeptOverWriteProtectedPage extends KnownBad {

    LargePages largePages(LargePages reference) {
        return new ForwardingLargePages(reference) {
            @Override
            public ShadowMmu newMmu(MmuOptions options) {
                return new ForwardingShadowMmu(real.newMmu(options)) {
                    /** The large entries made so far, by the address they translate, which a zap must not remove. */
                    private final Map<Long, ShadowEntry> large = new HashMap<>();

                    @Override
                    public LargeMappingDecision shadowGuestLargeEntry(long gva, long gpa) {
                        return remember(gva, real.shadowGuestLargeEntry(gva, gpa));
                    }

                    @Override
                    public LargeMappingDecision shadowRealModeEntry(long gpa) {
                        return remember(gpa, real.shadowRealModeEntry(gpa));
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
                                .ifPresent(e -> large.put(address, e));
                        return decision;
                    }
                };
            }
        };
    }
}
