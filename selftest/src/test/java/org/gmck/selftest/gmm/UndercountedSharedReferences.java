package org.gmck.selftest.gmm;

import java.util.HashMap;
import java.util.Map;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.CleanupReport;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmStatistics;

/**
 * A manager that keeps, per VM, the references it holds to each shared page, and reports the shared pages
 * cleanups left behind as if each VM had held at most one reference per page: the bookkeeping of the
 * known-bad adapters whose fault counts shared pages where the rules count references.
 */
class UndercountedSharedReferences extends ForwardingGlobalMemory {

    /** Per VM, the references it holds to each shared page. */
    private final Map<Integer, Map<Long, Integer>> held = new HashMap<>();
    /** References beyond one per page that cleanups left behind: missing from the faulty count. */
    private long uncounted;

    UndercountedSharedReferences(GlobalMemory real) {
        super(real);
    }

    /** The references {@code vm} holds beyond one per shared page. */
    synchronized long extraReferences(int vm) {
        Map<Long, Integer> refs = held.getOrDefault(vm, Map.of());
        return refs.values().stream().mapToLong(Integer::longValue).sum() - refs.size();
    }

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
        uncounted += extraReferences(vm);
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
        return new GmmStatistics(
                s.chunks(),
                s.allocatedPages(),
                s.sharedPages(),
                s.duplicatePages(),
                s.freePages(),
                s.reservedPages(),
                s.registeredVms(),
                s.leftBehindSharedPages() - uncounted);
    }
}
