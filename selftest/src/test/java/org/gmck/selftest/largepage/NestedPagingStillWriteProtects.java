package org.gmck.selftest.largepage;

import java.util.HashMap;
import java.util.Map;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.largepage.LargePageStatus;
import org.gmck.spi.largepage.LargePages;
import org.gmck.spi.largepage.MappingSize;
import org.gmck.spi.largepage.MmuOptions;
import org.gmck.spi.largepage.ShadowMmu;

/**
 * Keeps write-protecting guest page tables after the switch to nested paging, where the hardware walks
 * the guest's tables itself and nothing needs protecting: shadowing a page table is accepted and its page
 * reported write-protected instead of the call being refused.
 */
@Breaks(value = "LP-NPT-3", also = "LP-NPT-8")
public final class NestedPagingStillWriteProtects extends KnownBad {

    LargePages largePages(LargePages reference) {
        return new ForwardingLargePages(reference) {
            @Override
            public ShadowMmu newMmu(MmuOptions options) {
                return new ForwardingShadowMmu(real.newMmu(options)) {
                    /** The shadows of each 4 KB page made under nested paging. */
                    private final Map<Long, Integer> nestedShadows = new HashMap<>();

                    @Override
                    public void shadowPageTable(long gpa) {
                        if (!options.nestedPaging()) {
                            real.shadowPageTable(gpa);
                            return;
                        }
                        if (real.slots().stream().noneMatch(s -> s.contains(gpa))) {
                            throw new RejectedException(
                                    LargePageStatus.NO_SLOT, String.format("%#x lies in no memory slot", gpa));
                        }
                        nestedShadows.merge(gpa & -MappingSize.SMALL_4K.bytes(), 1, Integer::sum);
                    }

                    @Override
                    public boolean writeProtected(long gpa) {
                        return real.writeProtected(gpa)
                                || nestedShadows.getOrDefault(gpa & -MappingSize.SMALL_4K.bytes(), 0) > 0;
                    }
                };
            }
        };
    }
}
