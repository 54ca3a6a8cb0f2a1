package org.gmck.selftest.gmm;

import java.util.ArrayList;
import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmOptions;

/**
 * Range-checks only the first guest page frame of a request (the check sits before the loop, on entry 0)
 * and records any later frame that does not fit a private page as the unshareable frame, so one bad frame
 * in a batch is silently turned into "address unknown" instead of refusing the request.
 */
@Breaks("GMM-STATE-3")
public final class GuestPfnCheckedOnlyForFirstPage extends KnownBad {

    private static final long PFN_LAST = 0xFFFF_FFF0L;

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                return new ForwardingGlobalMemory(real.create(edition, options)) {
                    @Override
                    public List<AllocatedPage> allocate(int vm, Account account, List<Long> guestPfns) {
                        if (guestPfns == null || guestPfns.size() < 2 || guestPfns.get(0) == null) {
                            return real.allocate(vm, account, guestPfns);
                        }
                        List<Long> pfns = new ArrayList<>(guestPfns.subList(0, 1));
                        for (Long pfn : guestPfns.subList(1, guestPfns.size())) {
                            pfns.add(pfn != null && pfn > PFN_LAST ? -1L : pfn);
                        }
                        return real.allocate(vm, account, pfns);
                    }
                };
            }
        };
    }
}
