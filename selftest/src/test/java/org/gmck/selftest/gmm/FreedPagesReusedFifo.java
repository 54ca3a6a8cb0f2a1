package org.gmck.selftest.gmm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmOptions;
import org.gmck.spi.gmm.PageState;

/**
 * Queues freed pages instead of stacking them: the page freed first is handed out first, so the next
 * allocation gets a page that has been cold the longest rather than the one freed last.
 *
 * <p>The fault is made through the SPI alone: after each free, the VM's still-free freed pages are taken
 * back off the LIFO and pushed again newest first, which leaves the oldest on the head.
 */
@Breaks(
        value = "GMM-LIFO-3",
        also = {"GMM-LIFO-2", "GMM-SET-5"})
public final class FreedPagesReusedFifo extends KnownBad {

    GmmFactory gmm(GmmFactory reference) {
        return Intercept.of(GmmFactory.class, reference, new Object() {
            GlobalMemory create(GmmEdition edition, GmmOptions options) {
                GlobalMemory real = reference.create(edition, options);
                Map<Integer, List<Long>> queues = new HashMap<>();
                Map<Integer, List<Long>> pfnsOf = new HashMap<>();
                return Intercept.of(GlobalMemory.class, real, new Object() {
                    // Serialised like the manager it wraps: VMs free at once in the GMM-LOCK scenarios,
                    // and this fault is about reuse order, not about losing pages to a race.
                    synchronized void free(int vm, Account account, List<Long> pageIds) {
                        List<Long> guestPfns =
                                pageIds.stream().map(id -> guestPfn(id)).toList();
                        real.free(vm, account, pageIds);
                        List<Long> queue = queues.computeIfAbsent(vm, v -> new ArrayList<>());
                        List<Long> pfns = pfnsOf.computeIfAbsent(vm, v -> new ArrayList<>());
                        for (int i = queue.size() - 1; i >= 0; i--) {
                            if (real.page(queue.get(i)).state() != PageState.FREE) {
                                queue.remove(i);
                                pfns.remove(i);
                            }
                        }
                        queue.addAll(pageIds);
                        pfns.addAll(guestPfns);
                        if (queue.size() > 1) {
                            requeue(vm, account, queue, pfns);
                        }
                    }

                    private void requeue(int vm, Account account, List<Long> queue, List<Long> pfns) {
                        List<AllocatedPage> popped;
                        try {
                            popped = real.allocate(vm, account, List.copyOf(pfns));
                        } catch (RejectedException e) {
                            return;
                        }
                        List<Long> ids =
                                popped.stream().map(AllocatedPage::pageId).toList();
                        if (!new HashSet<>(ids).equals(new HashSet<>(queue))) {
                            for (int i = ids.size() - 1; i >= 0; i--) {
                                real.free(vm, account, List.of(ids.get(i)));
                            }
                            return;
                        }
                        for (int i = queue.size() - 1; i >= 0; i--) {
                            real.free(vm, account, List.of(queue.get(i)));
                        }
                    }

                    private long guestPfn(long pageId) {
                        try {
                            return real.page(pageId).guestPfn();
                        } catch (RejectedException e) {
                            return 0;
                        }
                    }
                });
            }
        });
    }
}
