package org.gmck.reference.pgm.phys;

import org.gmck.spi.RejectedException;
import org.gmck.spi.pgm.phys.HostBitness;
import org.gmck.spi.pgm.phys.PhysStatus;
import org.gmck.spi.pgm.phys.TrackingCost;

/**
 * The cost of tracking guest RAM (seed 000, "Tracking Structures And Their Cost"): one packed record per
 * page in the VM, and in the kernel the global memory manager's 32-bit per-page field plus the host memory
 * object's per-page entry, a pointer-sized frame number (4 bytes on 32-bit hosts, 8 on 64-bit ones).
 */
public final class TrackingCosts {

    /** The global memory manager's per-page field. */
    static final int GMM_FIELD_BYTES = Integer.BYTES;

    private TrackingCosts() {
    }

    public static TrackingCost of(long ramBytes, HostBitness host) {
        if (host == null || ramBytes < 0 || !PhysAddress.pageAligned(ramBytes)) {
            throw new RejectedException(PhysStatus.VERR_INVALID_PARAMETER, String.format(
                    "a RAM size must be a non-negative multiple of the page size on a known host: %#x on %s",
                    ramBytes, host));
        }
        long pages = ramBytes >>> PhysAddress.PAGE_SHIFT;
        int memObjEntry = host == HostBitness.BIT32 ? Integer.BYTES : Long.BYTES;
        return new TrackingCost(pages * PageRecord.BYTES, pages * (GMM_FIELD_BYTES + memObjEntry));
    }
}
