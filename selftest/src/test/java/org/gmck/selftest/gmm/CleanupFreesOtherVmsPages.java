package org.gmck.selftest.gmm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.CleanupReport;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmOptions;
import org.gmck.spi.gmm.PageInfo;
import org.gmck.spi.gmm.PageState;

/**
 * Cleanup frees every private page in the chunks the dying VM used, without comparing each page's owner
 * with the VM (the owner test missing from the per-chunk loop): other VMs sharing those chunks lose pages
 * they still map.
 */
@Breaks(value = "GMM-CLEAN-2", also = "GMM-CLEAN-15")
public final class CleanupFreesOtherVmsPages extends KnownBad {

    /** Who allocated a page, and from which account. */
    private record Allocation(int vm, Account account) {}

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                return new ForwardingGlobalMemory(real.create(edition, options)) {
                    private final Map<Long, Allocation> allocations = new HashMap<>();

                    @Override
                    public synchronized List<AllocatedPage> allocate(int vm, Account account, List<Long> guestPfns) {
                        List<AllocatedPage> pages = real.allocate(vm, account, guestPfns);
                        pages.forEach(p -> allocations.put(p.pageId(), new Allocation(vm, account)));
                        return pages;
                    }

                    @Override
                    public synchronized CleanupReport cleanup(int vm) {
                        Set<Long> chunks = allocations.entrySet().stream()
                                .filter(e -> e.getValue().vm() == vm)
                                .map(e -> chunkOf(e.getKey()))
                                .collect(Collectors.toSet());
                        CleanupReport report = real.cleanup(vm);
                        allocations.forEach((pageId, a) -> {
                            if (a.vm() != vm && chunks.contains(chunkOf(pageId)) && privateTo(pageId, a.vm())) {
                                real.free(a.vm(), a.account(), List.of(pageId));
                            }
                        });
                        return report;
                    }

                    private boolean privateTo(long pageId, int owner) {
                        try {
                            PageInfo page = real.page(pageId);
                            return page.state() == PageState.PRIVATE && page.owner() == owner;
                        } catch (RejectedException e) {
                            return false;
                        }
                    }

                    private long chunkOf(long pageId) {
                        return pageId >>> real.geometry().chunkIdShift();
                    }
                };
            }
        };
    }
}
