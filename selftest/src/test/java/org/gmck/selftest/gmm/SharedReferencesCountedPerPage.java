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
import org.gmck.spi.gmm.VmInfo;

/**
 * Two faults in the VM's count of shared references that hide each other. Taking a reference raises the
 * count only when the VM held none to that page yet (the increment sits inside the "first reference of this
 * VM" branch that creates its index entry), and releasing one lowers the count only when the VM gives back
 * its last reference to that page (the decrement sits inside the branch that drops the entry). Either fault
 * alone leaves the count wrong after a VM takes and gives back two references to one page; together the
 * count comes back to zero after every round trip, agrees with the number of shared pages left behind at
 * cleanup (which is taken from it), and is right whenever a VM holds at most one reference per page. It is
 * wrong only while a VM holds several references to one page.
 */
@Breaks(value = "GMM-SHARE-20", also = "GMM-CLEAN-14")
public final class SharedReferencesCountedPerPage extends KnownBad {

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                return new ForwardingGlobalMemory(real.create(edition, options)) {
                    /** Per VM, the references it holds to each shared page. */
                    private final Map<Integer, Map<Long, Integer>> held = new HashMap<>();
                    /** References beyond one per page that cleanups left behind: missing from the faulty count. */
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
                    public synchronized VmInfo vm(int vm) {
                        VmInfo v = real.vm(vm);
                        Map<Long, Integer> refs = held.getOrDefault(vm, Map.of());
                        long extra = refs.values().stream().mapToLong(Integer::longValue).sum() - refs.size();
                        return new VmInfo(v.policy(), v.priority(), v.reservedBase(), v.reservedShadow(), v.reservedFixed(),
                                v.allocatedBase(), v.allocatedShadow(), v.allocatedFixed(), v.privatePages(),
                                v.sharedPages() - extra);
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
