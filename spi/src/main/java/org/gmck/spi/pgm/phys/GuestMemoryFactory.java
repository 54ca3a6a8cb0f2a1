package org.gmck.spi.pgm.phys;

/**
 * Creates VMs' guest physical memory and states what tracking it costs (profile {@code pgm}).
 */
public interface GuestMemoryFactory {

    /**
     * A new, empty guest physical memory whose host may hand out at most {@code hostPages} pages to it
     * (private and shared together; the zero page is not counted).
     *
     * @throws org.gmck.spi.RejectedException {@link PhysStatus#VERR_INVALID_PARAMETER} for a negative budget
     */
    GuestPhysicalMemory newGuestMemory(long hostPages);

    /**
     * What tracking {@code ramBytes} of guest RAM costs on a host of the given width.
     *
     * @throws org.gmck.spi.RejectedException {@link PhysStatus#VERR_INVALID_PARAMETER} for a negative or
     *         misaligned size
     */
    TrackingCost trackingCost(long ramBytes, HostBitness host);
}
