package org.gmck.selftest.gmm;

import java.util.HashMap;
import java.util.Map;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.gmm.CleanupReport;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmOptions;
import org.gmck.spi.gmm.GmmStatistics;
import org.gmck.spi.gmm.OcPolicy;
import org.gmck.spi.gmm.Priority;

/**
 * The global count of reserved pages is added to by the initial reservation and taken from by cleanup, but an
 * update only changes the VM's own counts: after a VM updated its reservation, the statistics still show what
 * it first reserved. The VM's own per-VM data is right, and so is the global count while nobody updates.
 */
@Breaks("GMM-RES-14")
public final class ReservedPagesCountKeepsInitialReservation extends KnownBad {

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                return new ForwardingGlobalMemory(real.create(edition, options)) {
                    /** Per VM, the pages of its initial reservation. */
                    private final Map<Integer, Long> initial = new HashMap<>();
                    /** Per VM, the pages of its reservation now. */
                    private final Map<Integer, Long> now = new HashMap<>();

                    @Override
                    public synchronized void reserve(
                            int vm, long base, long shadow, long fixed, OcPolicy policy, Priority priority) {
                        real.reserve(vm, base, shadow, fixed, policy, priority);
                        initial.put(vm, base + shadow + fixed);
                        now.put(vm, base + shadow + fixed);
                    }

                    @Override
                    public synchronized void updateReservation(int vm, long base, long shadow, long fixed) {
                        real.updateReservation(vm, base, shadow, fixed);
                        now.put(vm, base + shadow + fixed);
                    }

                    @Override
                    public synchronized CleanupReport cleanup(int vm) {
                        CleanupReport report = real.cleanup(vm);
                        initial.remove(vm);
                        now.remove(vm);
                        return report;
                    }

                    @Override
                    public synchronized GmmStatistics statistics() {
                        GmmStatistics s = real.statistics();
                        long stale = 0;
                        for (Map.Entry<Integer, Long> e : initial.entrySet()) {
                            stale += e.getValue() - now.get(e.getKey());
                        }
                        return new GmmStatistics(
                                s.chunks(),
                                s.allocatedPages(),
                                s.sharedPages(),
                                s.duplicatePages(),
                                s.freePages(),
                                s.reservedPages() + stale,
                                s.registeredVms(),
                                s.leftBehindSharedPages());
                    }
                };
            }
        };
    }
}
