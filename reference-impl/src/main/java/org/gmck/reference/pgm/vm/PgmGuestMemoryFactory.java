package org.gmck.reference.pgm.vm;

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

/**
 * Creates guest physical memories, whose pages come from a global memory manager, and shadow-paged VMs,
 * whose pages come from a host page pool below 4 GB so that a 32-bit shadow can map every one of them.
 */
public final class PgmGuestMemoryFactory implements GuestMemoryFactory {

    /** The largest host page budget of a guest memory: 64 GB, well inside the 28-bit page ids. */
    public static final long MAX_GUEST_MEMORY_PAGES = 1L << 24;

    @Override
    public GuestPhysicalMemory newGuestMemory(long hostPages) {
        checkBudget(hostPages, MAX_GUEST_MEMORY_PAGES);
        return new PgmGuestMemory(new GmmPagePort(hostPages));
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
