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
import org.gmck.spi.gmm.VmInfo;

/**
 * When a NO_OC VM updates its reservation, adds the new counts to the reservations of every NO_OC VM,
 * its own old reservation included, instead of putting the new counts in place of the old ones. An update
 * that fits host memory once it replaces the old reservation is declined whenever old and new together do not
 * fit; updates that are declined anyway, or that are small, come out right.
 */
@Breaks("GMM-RES-13")
public final class NoOcUpdateCountsItsOwnOldReservation extends KnownBad {

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
                    public synchronized void updateReservation(int vm, long base, long shadow, long fixed) {
                        if (base > 0
                                && shadow > 0
                                && fixed > 0
                                && handles.contains(vm)
                                && real.vm(vm).policy() == OcPolicy.NO_OC) {
                            long total = base + shadow + fixed;
                            for (int other : handles) {
                                VmInfo v = real.vm(other);
                                if (v.policy() == OcPolicy.NO_OC) {
                                    total += v.reservedBase() + v.reservedShadow() + v.reservedFixed();
                                }
                            }
                            if (total > options.hostPages()) {
                                throw new RejectedException(
                                        GmmStatus.VERR_GMM_MEMORY_RESERVATION_DECLINED,
                                        total + " reserved pages exceed the host's " + options.hostPages());
                            }
                        }
                        real.updateReservation(vm, base, shadow, fixed);
                    }
                };
            }
        };
    }
}
