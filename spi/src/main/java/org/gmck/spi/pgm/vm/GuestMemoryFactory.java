package org.gmck.spi.pgm.vm;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.context.IntermediateContext;
import org.gmck.spi.pgm.context.SwitcherPlacement;
import org.gmck.spi.pgm.phys.ChunkOverhead;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.HostBitness;
import org.gmck.spi.pgm.phys.HostPlacement;
import org.gmck.spi.pgm.phys.PageRecordLayout;
import org.gmck.spi.pgm.phys.PhysStatus;
import org.gmck.spi.pgm.phys.TrackingCost;
import org.gmck.spi.pgm.shadow.ShadowVm;

/**
 * Creates VMs' guest physical memory and states what tracking it costs (profile {@code pgm}).
 */
public interface GuestMemoryFactory {

    /**
     * The largest host page budget of a shadow-paged VM: 448K pages (0x70000, 1.75 GiB). A shadow-paged VM's
     * host pages, like all memory its shadow tables use, must lie below 4 GiB so that every shadow mode,
     * 32-bit included, can map them (seed 001, "The Shadow Memory Context"); the budget keeps them there with
     * room for the monitor's own tables beside them. {@link #newShadowVm(PagingMode, long)} accepts every
     * budget from 0 to this one and refuses every other.
     */
    long MAX_SHADOW_VM_HOST_PAGES = 0x7_0000L;

    /**
     * The host page budget every guest memory must be able to have: 2^24 pages (64 GiB), the base RAM per VM
     * that seed 000's 24-bit guest page frame number allows. {@link #newGuestMemory(long)} accepts every
     * budget from 0 to this one; whether it accepts a larger one is the implementation's choice.
     */
    long MIN_GUEST_MEMORY_HOST_PAGES = 1L << 24;

    /**
     * A new, empty guest physical memory whose host may hand out at most {@code hostPages} pages to it
     * (private and shared together; the zero page is not counted). Every budget from 0 to
     * {@link #MIN_GUEST_MEMORY_HOST_PAGES} (2^24 pages, 64 GiB) is accepted; a larger one may be accepted or
     * refused.
     *
     * @throws org.gmck.spi.common.RejectedException {@link PhysStatus#VERR_INVALID_PARAMETER} for a negative budget,
     *         or one above {@link #MIN_GUEST_MEMORY_HOST_PAGES} the implementation does not support
     */
    GuestPhysicalMemory newGuestMemory(long hostPages);

    /**
     * Whether {@link #newGuestMemory(long, HostPlacement)} is implemented: whether scenarios may choose the
     * host pages a guest memory gets. No by default.
     */
    default boolean placesHostPages() {
        return false;
    }

    /**
     * A new, empty guest physical memory as {@link #newGuestMemory(long)} makes one, whose host hands out
     * the pages {@code placement} describes.
     *
     * @throws org.gmck.spi.common.RejectedException {@link PhysStatus#VERR_INVALID_PARAMETER} for a budget
     *         {@link #newGuestMemory(long)} refuses, a first host address that is not page aligned, host
     *         pages the implementation cannot record or that would include its zero page, or page ids
     *         that would reach the nil id
     * @throws UnsupportedOperationException unless {@link #placesHostPages()}
     */
    default GuestPhysicalMemory newGuestMemory(long hostPages, HostPlacement placement) {
        throw new UnsupportedOperationException("this implementation does not let the kit place host pages");
    }

    /**
     * The layouts in which {@link GuestPhysicalMemory#packedRecord(long, PageRecordLayout)} gives a page's
     * record (profile {@code pgm-introspection}): the final one unless the implementation says otherwise.
     */
    default Set<PageRecordLayout> recordLayouts() {
        return EnumSet.of(PageRecordLayout.FINAL);
    }

    /**
     * What tracking {@code ramBytes} of guest RAM costs on a host of the given width.
     *
     * @throws org.gmck.spi.common.RejectedException {@link PhysStatus#VERR_INVALID_PARAMETER} for a negative or
     *         misaligned size
     */
    TrackingCost trackingCost(long ramBytes, HostBitness host);

    /**
     * The per-chunk overhead on a host of the given width, which {@link TrackingCost#chunkBytes()} counts
     * for every chunk the RAM needs; empty (the default) when the implementation does not state it.
     */
    default Optional<ChunkOverhead> chunkOverhead(HostBitness host) {
        return Optional.empty();
    }

    /**
     * A new VM that runs its guest on shadow page tables on a host of the given paging mode, with empty
     * guest physical memory whose host may hand out at most {@code hostPages} pages, the guest in real mode.
     *
     * @throws org.gmck.spi.common.RejectedException {@link org.gmck.spi.pgm.ModeStatus#INVALID_MODE},
     *         {@link PhysStatus#VERR_INVALID_PARAMETER} for a negative budget or one above
     *         {@link #MAX_SHADOW_VM_HOST_PAGES} (448K pages)
     */
    ShadowVm newShadowVm(PagingMode host, long hostPages);

    /**
     * A new intermediate memory context with the world switcher placed as given and no guest-context
     * mappings yet.
     *
     * @throws org.gmck.spi.common.RejectedException {@link org.gmck.spi.pgm.context.ContextStatus#VERR_INVALID_PARAMETER}
     *         for misaligned addresses or no pages, {@link org.gmck.spi.pgm.context.ContextStatus#VERR_OUT_OF_RANGE}
     *         for switcher code at or above 4 GB (it must be identity mapped in every mode) or a host or
     *         hypervisor mapping outside one canonical half of the 48-bit address space,
     *         {@link org.gmck.spi.pgm.context.ContextStatus#VERR_PGM_MAPPING_CONFLICT} when the hypervisor
     *         mapping overlaps the other two
     */
    IntermediateContext newIntermediateContext(SwitcherPlacement switcher);
}
