package org.gmck.spi.pgm.vm;

import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.context.IntermediateContext;
import org.gmck.spi.pgm.context.SwitcherPlacement;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.HostBitness;
import org.gmck.spi.pgm.phys.PhysStatus;
import org.gmck.spi.pgm.phys.TrackingCost;
import org.gmck.spi.pgm.shadow.ShadowVm;

/**
 * Creates VMs' guest physical memory and states what tracking it costs (profile {@code pgm}).
 */
public interface GuestMemoryFactory {

    /**
     * A new, empty guest physical memory whose host may hand out at most {@code hostPages} pages to it
     * (private and shared together; the zero page is not counted).
     *
     * @throws org.gmck.spi.RejectedException {@link PhysStatus#VERR_INVALID_PARAMETER} for a negative budget
     *         or one above 2^24 pages
     */
    GuestPhysicalMemory newGuestMemory(long hostPages);

    /**
     * What tracking {@code ramBytes} of guest RAM costs on a host of the given width.
     *
     * @throws org.gmck.spi.RejectedException {@link PhysStatus#VERR_INVALID_PARAMETER} for a negative or
     *         misaligned size
     */
    TrackingCost trackingCost(long ramBytes, HostBitness host);

    /**
     * A new VM that runs its guest on shadow page tables on a host of the given paging mode, with empty
     * guest physical memory whose host may hand out at most {@code hostPages} pages, the guest in real mode.
     *
     * @throws org.gmck.spi.RejectedException {@link org.gmck.spi.pgm.ModeStatus#INVALID_MODE},
     *         {@link PhysStatus#VERR_INVALID_PARAMETER} for a negative budget or one above 512K pages
     */
    ShadowVm newShadowVm(PagingMode host, long hostPages);

    /**
     * A new intermediate memory context with the world switcher placed as given and no guest-context
     * mappings yet.
     *
     * @throws org.gmck.spi.RejectedException {@link org.gmck.spi.pgm.context.ContextStatus#VERR_INVALID_PARAMETER}
     *         for misaligned addresses or no pages, {@link org.gmck.spi.pgm.context.ContextStatus#VERR_OUT_OF_RANGE}
     *         for switcher code at or above 4 GB (it must be identity mapped in every mode),
     *         {@link org.gmck.spi.pgm.context.ContextStatus#VERR_PGM_MAPPING_CONFLICT} when the hypervisor
     *         mapping overlaps the other two
     */
    IntermediateContext newIntermediateContext(SwitcherPlacement switcher);
}
