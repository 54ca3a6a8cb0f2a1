package org.gmck.spi.gmm;

/**
 * The chunk geometry and id limits of a GMM instance.
 *
 * @param chunkShift     log2 of the chunk size in bytes (GMM_CHUNK_SHIFT: 20 for 1 MB, 21 for 2 MB)
 * @param chunkIdShift   the shift that builds page ids from chunk ids (GMM_CHUNKID_SHIFT: 8 or 9)
 * @param pagesPerChunk  pages in one chunk (256 or 512)
 * @param pageIdLast     the last valid page id (GMM_PAGEID_LAST)
 * @param chunkIdLast    the last valid chunk id (GMM_CHUNKID_LAST)
 * @param freeSetLists   lists in each free set
 */
public record GmmGeometry(
        int chunkShift, int chunkIdShift, int pagesPerChunk, long pageIdLast, long chunkIdLast, int freeSetLists) {}
