package org.gmck.selftest.gmm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.ChunkInfo;
import org.gmck.spi.gmm.CleanupReport;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmOptions;
import org.gmck.spi.gmm.GmmStatistics;

/**
 * Counts as duplicates of a shared page the VMs that reference it beyond the first, instead of the
 * references beyond the first: a VM that takes a second reference to a page it already uses adds a reference
 * but no duplicate. While every reference comes from a different VM, the two counts agree.
 */
@Breaks("GMM-SHARE-9")
public final class DuplicatesCountedPerVmNotPerReference extends KnownBad {

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                return new ForwardingGlobalMemory(real.create(edition, options)) {
                    /** Per shared page, the references each VM took to it (those of cleaned-up VMs stay, as left behind). */
                    private final Map<Long, Map<Integer, Integer>> holders = new HashMap<>();

                    @Override
                    public synchronized AllocatedPage share(int vm, long pageId) {
                        AllocatedPage shared = real.share(vm, pageId);
                        holders.computeIfAbsent(shared.pageId(), p -> new HashMap<>()).merge(vm, 1, Integer::sum);
                        return shared;
                    }

                    @Override
                    public synchronized AllocatedPage useShared(int vm, long sharedPageId) {
                        AllocatedPage used = real.useShared(vm, sharedPageId);
                        holders.computeIfAbsent(sharedPageId, p -> new HashMap<>()).merge(vm, 1, Integer::sum);
                        return used;
                    }

                    @Override
                    public synchronized void releaseShared(int vm, long sharedPageId) {
                        real.releaseShared(vm, sharedPageId);
                        Map<Integer, Integer> page = holders.get(sharedPageId);
                        if (page != null) {
                            page.computeIfPresent(vm, (v, n) -> n > 1 ? n - 1 : null);
                            if (page.isEmpty()) {
                                holders.remove(sharedPageId);
                            }
                        }
                    }

                    @Override
                    public synchronized CleanupReport cleanup(int vm) {
                        CleanupReport report = real.cleanup(vm);
                        if (report.lastVm()) {
                            holders.clear();
                        }
                        return report;
                    }

                    @Override
                    public synchronized List<ChunkInfo> terminate() {
                        holders.clear();
                        return real.terminate();
                    }

                    @Override
                    public synchronized GmmStatistics statistics() {
                        GmmStatistics s = real.statistics();
                        long sameVm = holders.values().stream().flatMap(page -> page.values().stream())
                                .mapToLong(n -> n - 1L).sum();
                        return new GmmStatistics(s.chunks(), s.allocatedPages(), s.sharedPages(), s.duplicatePages() - sameVm,
                                s.freePages(), s.reservedPages(), s.registeredVms(), s.leftBehindSharedPages());
                    }
                };
            }
        };
    }
}
