package org.gmck.selftest.gmm;

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
 * Refuses, as if the account were over its limit, an update that would put a reservation below the pages the
 * VM already holds in that account, where the catalogue has an update replace the counts whatever the VM
 * holds (the limit only stops later allocations). Updates that raise a reservation, or lower it to no less
 * than what is allocated, come out right.
 */
@Breaks("GMM-RES-8")
public final class UpdateBelowAllocationRefused extends KnownBad {

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                return new ForwardingGlobalMemory(real.create(edition, options)) {
                    @Override
                    public synchronized void updateReservation(int vm, long base, long shadow, long fixed) {
                        VmInfo v = null;
                        try {
                            v = real.vm(vm);
                        } catch (RejectedException e) {
                            // the update below is refused for the same reason
                        }
                        if (v != null
                                && v.policy() != OcPolicy.INVALID
                                && base > 0
                                && shadow > 0
                                && fixed > 0
                                && (base < v.allocatedBase()
                                        || shadow < v.allocatedShadow()
                                        || fixed < v.allocatedFixed())) {
                            throw new RejectedException(
                                    GmmStatus.VERR_GMM_HIT_VM_ACCOUNT_LIMIT,
                                    "the new reservation is below the pages the VM holds");
                        }
                        real.updateReservation(vm, base, shadow, fixed);
                    }
                };
            }
        };
    }
}
