package org.gmck.spi.pgm.phys;

/**
 * What the kernel pays once for every allocation chunk, on top of its per-page cost: the fixed part of the
 * host memory object that holds the chunk's pages and the chunk's own tracking structure, without their
 * per-page arrays (seed 000, "Kernel Space": "approximately (sizeof(RT0MEMOBJ) + sizof(CHUNK)) /
 * 2^CHUNK_SHIFT bytes per page", the "(+)" of its cost figures).
 *
 * @param pagesPerChunk     the pages in one allocation chunk, 2^CHUNK_SHIFT
 * @param memoryObjectBytes the host memory object of one chunk, without its per-page entries
 * @param chunkBytes        the chunk's tracking structure, without its per-page fields
 */
public record ChunkOverhead(long pagesPerChunk, long memoryObjectBytes, long chunkBytes) {

    /** What one chunk costs: its memory object and its chunk structure. */
    public long perChunkBytes() {
        return memoryObjectBytes + chunkBytes;
    }
}
