package org.gmck.selftest.gmm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmOptions;
import org.gmck.spi.gmm.PageInfo;
import org.gmck.spi.gmm.PageState;

/**
 * Not a fault: the reference as seed 000 would mark guest frames, all bits set for "unknown or out of range".
 * A page without a guest address, or for a frame wider than the 32-bit field, records 0xFFFFFFFF, and every
 * frame up to 0xFFFFFFFE is recorded as given; it declares {@code gmm.unknown-guest-frame = all-ones}. It
 * carries no {@code Breaks}: the kit must accept it (see {@code DeclaredReadingsTest}).
 */
public final class SeedAllOnesGuestFrames extends KnownBad {

    private static final long LATER_LAST = 0xFFFF_FFF0L;
    private static final long ALL_ONES = 0xFFFF_FFFFL;

    Map<String, String> parameters(Map<String, String> reference) {
        Map<String, String> declared = new HashMap<>(reference);
        declared.put("gmm.unknown-guest-frame", "all-ones");
        return declared;
    }

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                return new ForwardingGlobalMemory(real.create(edition, options)) {
                    /** The frame each page records where it differs from what the reference records. */
                    private final Map<Long, Long> recorded = new ConcurrentHashMap<>();

                    @Override
                    public List<AllocatedPage> allocate(int vm, Account account, List<Long> guestPfns) {
                        List<Long> passed = new ArrayList<>();
                        for (long pfn : guestPfns) {
                            passed.add(pfn < 0 || pfn > LATER_LAST ? -1L : pfn);
                        }
                        List<AllocatedPage> pages = real.allocate(vm, account, passed);
                        for (int i = 0; i < pages.size(); i++) {
                            long pfn = guestPfns.get(i);
                            long id = pages.get(i).pageId();
                            if (pfn < 0 || pfn > ALL_ONES - 1) {
                                recorded.put(id, ALL_ONES);
                            } else if (pfn > LATER_LAST) {
                                recorded.put(id, pfn);
                            } else {
                                recorded.remove(id);
                            }
                        }
                        return pages;
                    }

                    @Override
                    public PageInfo page(long pageId) {
                        PageInfo info = real.page(pageId);
                        Long frame = recorded.get(pageId);
                        return info.state() != PageState.PRIVATE || frame == null
                                ? info
                                : new PageInfo(info.state(), info.owner(), frame, info.refs(), info.hostPfn());
                    }
                };
            }
        };
    }
}
