package org.gmck.reference.pgm.phys;

import org.gmck.spi.RejectedException;
import org.gmck.spi.pgm.phys.GuestMemoryFactory;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.HostBitness;
import org.gmck.spi.pgm.phys.PhysStatus;
import org.gmck.spi.pgm.phys.TrackingCost;

/** Creates guest physical memories backed by a host page pool of a given budget. */
public final class PgmGuestMemoryFactory implements GuestMemoryFactory {

    @Override
    public GuestPhysicalMemory newGuestMemory(long hostPages) {
        if (hostPages < 0) {
            throw new RejectedException(PhysStatus.VERR_INVALID_PARAMETER, "a host page budget cannot be negative: "
                    + hostPages);
        }
        return new PgmGuestMemory(new HostPagePool(hostPages));
    }

    @Override
    public TrackingCost trackingCost(long ramBytes, HostBitness host) {
        return TrackingCosts.of(ramBytes, host);
    }
}
