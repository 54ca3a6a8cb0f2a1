package org.gmck.selftest.pgm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.pgm.phys.ChunkOverhead;
import org.gmck.spi.pgm.phys.HostBitness;
import org.gmck.spi.pgm.phys.TrackingCost;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;

/**
 * Counts the chunks a RAM size needs by dividing its pages by the pages in a chunk, rounding down: a chunk
 * the RAM fills only in part, and RAM smaller than one chunk, cost no chunk overhead at all.
 */
@Breaks("PGM-COST-5")
public final class ChunkOverheadRoundedDown extends KnownBad {

    GuestMemoryFactory guestMemory(GuestMemoryFactory reference) {
        return Intercept.of(GuestMemoryFactory.class, reference, new Object() {
            TrackingCost trackingCost(long ramBytes, HostBitness host) {
                TrackingCost real = reference.trackingCost(ramBytes, host);
                ChunkOverhead chunk = reference.chunkOverhead(host).orElseThrow();
                long chunks = (ramBytes >>> 12) / chunk.pagesPerChunk();
                return new TrackingCost(real.perVmBytes(), real.kernelBytes(), chunks * chunk.perChunkBytes());
            }
        });
    }
}
