package org.gmck.selftest.gmm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.CleanupReport;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmOptions;
import org.gmck.spi.gmm.VmInfo;

/**
 * The switch that gives freed pages back to their account lacks a break after the SHADOW case (the seed's
 * revision of this code had exactly such a slip): pages freed from SHADOW are taken off the FIXED account
 * as well. Freeing BASE pages, the only account the usual scenarios use, is right.
 */
@Breaks("GMM-FREE-7")
public final class FreeAccountSwitchFallsThrough extends KnownBad {

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                return new ForwardingGlobalMemory(real.create(edition, options)) {
                    /** FIXED pages each VM lost to the fall-through. */
                    private final Map<Integer, Long> fixedLost = new HashMap<>();

                    @Override
                    public synchronized void free(int vm, Account account, List<Long> pageIds) {
                        real.free(vm, account, pageIds);
                        if (account == Account.SHADOW) {
                            fixedLost.merge(vm, (long) pageIds.size(), Long::sum);
                        }
                    }

                    @Override
                    public synchronized CleanupReport cleanup(int vm) {
                        CleanupReport report = real.cleanup(vm);
                        fixedLost.remove(vm);
                        return report;
                    }

                    @Override
                    public synchronized VmInfo vm(int vm) {
                        VmInfo v = real.vm(vm);
                        return new VmInfo(
                                v.policy(),
                                v.priority(),
                                v.reservedBase(),
                                v.reservedShadow(),
                                v.reservedFixed(),
                                v.allocatedBase(),
                                v.allocatedShadow(),
                                v.allocatedFixed() - fixedLost.getOrDefault(vm, 0L),
                                v.privatePages(),
                                v.sharedPages());
                    }
                };
            }
        };
    }
}
