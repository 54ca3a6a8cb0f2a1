package org.gmck.reference.pgm.vm;

import org.gmck.reference.pgm.phys.HostPagePool;
import org.gmck.reference.pgm.phys.PgmGuestMemory;
import org.gmck.reference.pgm.phys.TrackingCosts;
import org.gmck.reference.pgm.shadow.PgmIntermediateContext;
import org.gmck.reference.pgm.shadow.PgmShadowVm;
import org.gmck.spi.RejectedException;
import org.gmck.spi.pgm.ModeStatus;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.context.IntermediateContext;
import org.gmck.spi.pgm.context.SwitcherPlacement;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.HostBitness;
import org.gmck.spi.pgm.phys.PhysStatus;
import org.gmck.spi.pgm.phys.TrackingCost;
import org.gmck.spi.pgm.shadow.ShadowVm;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;

/** Creates guest physical memories and shadow-paged VMs backed by host page pools of a given budget. */
public final class PgmGuestMemoryFactory implements GuestMemoryFactory {

    @Override
    public GuestPhysicalMemory newGuestMemory(long hostPages) {
        checkBudget(hostPages, Long.MAX_VALUE);
        return new PgmGuestMemory(new HostPagePool(hostPages));
    }

    @Override
    public TrackingCost trackingCost(long ramBytes, HostBitness host) {
        return TrackingCosts.of(ramBytes, host);
    }

    @Override
    public ShadowVm newShadowVm(PagingMode host, long hostPages) {
        if (host == null || host == PagingMode.INVALID) {
            throw new RejectedException(ModeStatus.INVALID_MODE, host + " is not a host paging mode");
        }
        checkBudget(hostPages, PgmShadowVm.MAX_HOST_PAGES);
        return new PgmShadowVm(host, hostPages);
    }

    @Override
    public IntermediateContext newIntermediateContext(SwitcherPlacement switcher) {
        return new PgmIntermediateContext(switcher);
    }

    private static void checkBudget(long hostPages, long max) {
        if (hostPages < 0 || hostPages > max) {
            throw new RejectedException(PhysStatus.VERR_INVALID_PARAMETER, String.format(
                    "a host page budget must lie in 0..%d: %d", max, hostPages));
        }
    }
}
