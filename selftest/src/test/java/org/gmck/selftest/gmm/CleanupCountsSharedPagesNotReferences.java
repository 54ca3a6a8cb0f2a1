package org.gmck.selftest.gmm;

import java.util.HashMap;
import java.util.Map;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.CleanupReport;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmOptions;
import org.gmck.spi.gmm.GmmStatistics;

/**
 * Cleanup adds to the count of shared pages left behind the number of entries in the dying VM's index of
 * shared references (one entry per shared page, keyed by page id) instead of the references those entries
 * hold: a VM holding three references to one page leaves one behind on the books. With one reference per
 * page, the usual case, the two numbers agree.
 */
@Breaks("GMM-CLEAN-14")
public final class CleanupCountsSharedPagesNotReferences extends KnownBad {

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                return new ForwardingGlobalMemory(real.create(edition, options)) {
                    /** Per VM, the references it holds to each shared page. */
                    private final Map<Integer, Map<Long, Integer>> held = new HashMap<>();
                    /** References the cleanups left behind beyond one per page: missing from the faulty count. */
                    private long uncounted;

                    @Override
                    public synchronized AllocatedPage share(int vm, long pageId) {
                        AllocatedPage shared = real.share(vm, pageId);
                        held.computeIfAbsent(vm, v -> new HashMap<>()).merge(shared.pageId(), 1, Integer::sum);
                        return shared;
                    }

                    @Override
                    public synchronized AllocatedPage useShared(int vm, long sharedPageId) {
                        AllocatedPage used = real.useShared(vm, sharedPageId);
                        held.computeIfAbsent(vm, v -> new HashMap<>()).merge(sharedPageId, 1, Integer::sum);
                        return used;
                    }

                    @Override
                    public synchronized void releaseShared(int vm, long sharedPageId) {
                        real.releaseShared(vm, sharedPageId);
                        held.getOrDefault(vm, new HashMap<>()).computeIfPresent(sharedPageId, (id, n) -> n > 1 ? n - 1 : null);
                    }

                    @Override
                    public synchronized CleanupReport cleanup(int vm) {
                        CleanupReport report = real.cleanup(vm);
                        Map<Long, Integer> refs = held.getOrDefault(vm, Map.of());
                        uncounted += refs.values().stream().mapToLong(Integer::longValue).sum() - refs.size();
                        held.remove(vm);
                        if (report.lastVm()) {
                            uncounted = 0;
                            held.clear();
                        }
                        return report;
                    }

                    @Override
                    public synchronized GmmStatistics statistics() {
                        GmmStatistics s = real.statistics();
                        return new GmmStatistics(s.chunks(), s.allocatedPages(), s.sharedPages(), s.duplicatePages(),
                                s.freePages(), s.reservedPages(), s.registeredVms(), s.leftBehindSharedPages() - uncounted);
                    }
                };
            }
        };
    }
}
