package org.gmck.reference.pgm.phys;

import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.phys.ChunkOverhead;
import org.gmck.spi.pgm.phys.HostBitness;
import org.gmck.spi.pgm.phys.PhysStatus;
import org.gmck.spi.pgm.phys.TrackingCost;

/**
 * The cost of tracking guest RAM (seed 000, "Tracking Structures And Their Cost"): one packed record per
 * page in the VM, and in the kernel the global memory manager's 32-bit per-page field plus the host memory
 * object's per-page entry, a pointer-sized frame number (4 bytes on 32-bit hosts, 8 on 64-bit ones), and
 * for every allocation chunk the RAM needs, the last one counted whole, the fixed part of its memory
 * object and its chunk structure.
 */
public final class TrackingCosts {

    /** The global memory manager's per-page field. */
    static final int GMM_FIELD_BYTES = Integer.BYTES;
    /** Pages per allocation chunk: the 1 MB chunks of the manager PGM gets its pages from. */
    static final long PAGES_PER_CHUNK = 256;

    /**
     * The chunk structure without its pages, as seed 002 lays it out: the AVL node (key, two links, height),
     * four pointers (memory object, free-list links, mappings) and seven 16-bit counters, padded to the
     * pointer size: 48 bytes with 4-byte pointers, 80 with 8-byte ones.
     */
    private static final long CHUNK_BYTES_32 = 48;

    private static final long CHUNK_BYTES_64 = 80;
    /**
     * The host memory object's fixed part: magic, flags, type, size, mapping address and the owning
     * process, each a 32-bit field or a pointer, padded: 32 bytes with 4-byte pointers, 48 with 8-byte ones.
     */
    private static final long MEMORY_OBJECT_BYTES_32 = 32;

    private static final long MEMORY_OBJECT_BYTES_64 = 48;

    private TrackingCosts() {}

    public static TrackingCost of(long ramBytes, HostBitness host) {
        if (host == null || ramBytes < 0 || !PhysAddress.pageAligned(ramBytes)) {
            throw new RejectedException(
                    PhysStatus.VERR_INVALID_PARAMETER,
                    String.format(
                            "a RAM size must be a non-negative multiple of the page size on a known host: %#x on %s",
                            ramBytes, host));
        }
        long pages = ramBytes >>> PhysAddress.PAGE_SHIFT;
        int memObjEntry = host == HostBitness.BITS32 ? Integer.BYTES : Long.BYTES;
        ChunkOverhead chunk = chunkOverhead(host);
        long chunks = (pages + chunk.pagesPerChunk() - 1) / chunk.pagesPerChunk();
        return new TrackingCost(
                pages * PageRecord.BYTES, pages * (GMM_FIELD_BYTES + memObjEntry), chunks * chunk.perChunkBytes());
    }

    /** What every allocation chunk costs on a host of the given width. */
    public static ChunkOverhead chunkOverhead(HostBitness host) {
        return host == HostBitness.BITS32
                ? new ChunkOverhead(PAGES_PER_CHUNK, MEMORY_OBJECT_BYTES_32, CHUNK_BYTES_32)
                : new ChunkOverhead(PAGES_PER_CHUNK, MEMORY_OBJECT_BYTES_64, CHUNK_BYTES_64);
    }
}
