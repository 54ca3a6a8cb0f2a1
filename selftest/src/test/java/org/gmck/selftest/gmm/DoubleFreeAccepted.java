package org.gmck.selftest.gmm;

import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmOptions;
import org.gmck.spi.gmm.PageState;

/**
 * Treats freeing a page that is already free as done rather than as an error, so a VM that frees the same
 * page twice (a use-after-free in its page tracking) goes unnoticed; a request that names a free page
 * next to others frees the others instead of being refused whole. A request of free pages only is taken as
 * done before anything else is looked at: the VM's account (GMM-FREE-6) and even its handle (GMM-VM-1).
 */
@Breaks(
        value = "GMM-FREE-2",
        also = {"GMM-FREE-4", "GMM-FREE-6", "GMM-VM-1"})
public final class DoubleFreeAccepted extends KnownBad {

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                return new ForwardingGlobalMemory(real.create(edition, options)) {
                    @Override
                    public void free(int vm, Account account, List<Long> pageIds) {
                        List<Long> notFree =
                                pageIds.stream().filter(id -> !alreadyFree(id)).toList();
                        if (!notFree.isEmpty() || pageIds.isEmpty()) {
                            real.free(vm, account, notFree);
                        }
                    }

                    private boolean alreadyFree(long pageId) {
                        try {
                            return real.page(pageId).state() == PageState.FREE;
                        } catch (RejectedException e) {
                            return false;
                        }
                    }
                };
            }
        };
    }
}
