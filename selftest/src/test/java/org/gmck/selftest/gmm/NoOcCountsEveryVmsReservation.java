package org.gmck.selftest.gmm;

import java.util.ArrayList;
import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmOptions;
import org.gmck.spi.gmm.GmmStatus;
import org.gmck.spi.gmm.OcPolicy;
import org.gmck.spi.gmm.Priority;
import org.gmck.spi.gmm.VmInfo;

/**
 * When a VM asks for a reservation under policy NO_OC, adds up the reservations of every VM (the global
 * count of reserved pages) instead of only those of the NO_OC VMs, so one over-committing TBD VM on the host
 * makes every later NO_OC reservation fail.
 */
@Breaks("GMM-RES-12")
public final class NoOcCountsEveryVmsReservation extends KnownBad {

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                return new ForwardingGlobalMemory(real.create(edition, options)) {
                    private final List<Integer> handles = new ArrayList<>();

                    @Override
                    public synchronized int createVm() {
                        int handle = real.createVm();
                        handles.add(handle);
                        return handle;
                    }

                    @Override
                    public synchronized void reserve(
                            int vm, long base, long shadow, long fixed, OcPolicy policy, Priority priority) {
                        if (policy == OcPolicy.NO_OC
                                && base > 0
                                && shadow > 0
                                && fixed > 0
                                && handles.contains(vm)
                                && real.vm(vm).reservedBase() == 0) {
                            long total = base + shadow + fixed;
                            for (int other : handles) {
                                VmInfo v = real.vm(other);
                                total += v.reservedBase() + v.reservedShadow() + v.reservedFixed();
                            }
                            if (total > options.hostPages()) {
                                throw new RejectedException(
                                        GmmStatus.VERR_GMM_MEMORY_RESERVATION_DECLINED,
                                        total + " reserved pages exceed the host's " + options.hostPages());
                            }
                        }
                        real.reserve(vm, base, shadow, fixed, policy, priority);
                    }
                };
            }
        };
    }
}
