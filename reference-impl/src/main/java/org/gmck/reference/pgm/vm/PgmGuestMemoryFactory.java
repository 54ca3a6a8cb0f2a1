package org.gmck.reference.pgm.vm;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.gmck.reference.pgm.phys.HostPagePool;
import org.gmck.reference.pgm.phys.PgmGuestMemory;
import org.gmck.reference.pgm.phys.TrackingCosts;
import org.gmck.reference.pgm.shadow.PgmIntermediateContext;
import org.gmck.reference.pgm.shadow.PgmShadowVm;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.context.IntermediateContext;
import org.gmck.spi.pgm.context.SwitcherPlacement;
import org.gmck.spi.pgm.phys.ChunkOverhead;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.HostBitness;
import org.gmck.spi.pgm.phys.HostPlacement;
import org.gmck.spi.pgm.phys.PageRecordLayout;
import org.gmck.spi.pgm.phys.PhysPage;
import org.gmck.spi.pgm.phys.PhysStatus;
import org.gmck.spi.pgm.phys.TrackingCost;
import org.gmck.spi.pgm.shadow.ShadowVm;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;

/**
 * Creates guest physical memories, whose pages come from a global memory manager, and shadow-paged VMs,
 * whose pages come from a host page pool below 4 GB so that a 32-bit shadow can map every one of them.
 */
public final class PgmGuestMemoryFactory implements GuestMemoryFactory {

    /** The largest host page budget of a guest memory: the 64 GB every implementation must allow, no more. */
    public static final long MAX_GUEST_MEMORY_PAGES = MIN_GUEST_MEMORY_HOST_PAGES;

    @Override
    public GuestPhysicalMemory newGuestMemory(long hostPages) {
        checkBudget(hostPages, MAX_GUEST_MEMORY_PAGES);
        return new PgmGuestMemory(new GmmPagePort(hostPages));
    }

    /** One past the highest host address a page record holds: bits 47:12 of the final layout. */
    public static final long HOST_LIMIT = 1L << 48;

    @Override
    public boolean placesHostPages() {
        return true;
    }

    /**
     * A guest memory whose pages come from a host page pool placed as asked, instead of from a global memory
     * manager: every page of the budget must be recordable (below 2^48, clear of the zero page) and every
     * page id one of a page (from 1, chunk 0 being no chunk, up to the one below the nil id).
     */
    @Override
    public GuestPhysicalMemory newGuestMemory(long hostPages, HostPlacement placement) {
        checkBudget(hostPages, MAX_GUEST_MEMORY_PAGES);
        long first = placement.firstHostPhys();
        long span = hostPages << 12;
        boolean holdsZeroPage = Long.compareUnsigned(PgmGuestMemory.ZERO_PAGE - first, span) < 0;
        if ((first & 0xFFF) != 0
                || Long.compareUnsigned(first, HOST_LIMIT - span) > 0
                || holdsZeroPage
                || placement.firstPageId() < 1
                || placement.firstPageId() > PhysPage.NIL_PAGE_ID - hostPages) {
            throw new RejectedException(
                    PhysStatus.VERR_INVALID_PARAMETER,
                    String.format(
                            "%d host pages from %#x with page ids from %#x do not all fit a page record",
                            hostPages, first, placement.firstPageId()));
        }
        return new PgmGuestMemory(new HostPagePool(hostPages, first, placement.firstPageId()));
    }

    @Override
    public Set<PageRecordLayout> recordLayouts() {
        return EnumSet.allOf(PageRecordLayout.class);
    }

    @Override
    public TrackingCost trackingCost(long ramBytes, HostBitness host) {
        return TrackingCosts.of(ramBytes, host);
    }

    @Override
    public Optional<ChunkOverhead> chunkOverhead(HostBitness host) {
        return Optional.ofNullable(host).map(TrackingCosts::chunkOverhead);
    }

    @Override
    public ShadowVm newShadowVm(PagingMode host, long hostPages) {
        // The shadow mode matrix refuses a host mode that is not one (INVALID_MODE) as the VM is set up.
        checkBudget(hostPages, PgmShadowVm.MAX_HOST_PAGES);
        return new PgmShadowVm(host, hostPages);
    }

    @Override
    public IntermediateContext newIntermediateContext(SwitcherPlacement switcher) {
        return new PgmIntermediateContext(switcher);
    }

    private static void checkBudget(long hostPages, long max) {
        if (hostPages < 0 || hostPages > max) {
            throw new RejectedException(
                    PhysStatus.VERR_INVALID_PARAMETER,
                    String.format("a host page budget must lie in 0..%d: %d", max, hostPages));
        }
    }
}
