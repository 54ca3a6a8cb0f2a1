package org.gmck.selftest.gmm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmOptions;

/**
 * Frees a shared page as soon as any VM releases its reference, as if the release path tested "was
 * referenced" instead of "is still referenced": the other VMs keep mapping a page that is back on the free
 * list. The references the others held are dropped with it, so a VM that took two references finds the page
 * already free when it gives back the second (which breaks the GMM-SHARE-16 scenario on releasing more than
 * was taken as well), and a VM releasing one of several references loses the count of the rest (GMM-SHARE-20).
 */
@Breaks(
        value = "GMM-SHARE-6",
        also = {"GMM-SHARE-16", "GMM-SHARE-20"})
public final class SharedPageFreedWhileReferenced extends KnownBad {

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                return new ForwardingGlobalMemory(real.create(edition, options)) {
                    /** The VMs holding a reference to each shared page, one entry per reference. */
                    private final Map<Long, List<Integer>> holders = new HashMap<>();

                    @Override
                    public synchronized AllocatedPage share(int vm, long pageId) {
                        AllocatedPage shared = real.share(vm, pageId);
                        holders.computeIfAbsent(shared.pageId(), id -> new ArrayList<>())
                                .add(vm);
                        return shared;
                    }

                    @Override
                    public synchronized AllocatedPage useShared(int vm, long sharedPageId) {
                        AllocatedPage used = real.useShared(vm, sharedPageId);
                        holders.computeIfAbsent(sharedPageId, id -> new ArrayList<>())
                                .add(vm);
                        return used;
                    }

                    @Override
                    public synchronized void releaseShared(int vm, long sharedPageId) {
                        real.releaseShared(vm, sharedPageId);
                        List<Integer> others = holders.getOrDefault(sharedPageId, new ArrayList<>());
                        others.remove(Integer.valueOf(vm));
                        for (int other : others) {
                            real.releaseShared(other, sharedPageId);
                        }
                        holders.remove(sharedPageId);
                    }
                };
            }
        };
    }
}
