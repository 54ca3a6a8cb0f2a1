package org.gmck.spi.gmm;

/**
 * The chunk geometry and id limits of a GMM instance.
 *
 * @param chunkShift     log2 of the chunk size in bytes: 20 for 1 MB, 21 for 2 MB (later VirtualBox's
 *                       GMM_CHUNK_SHIFT)
 * @param chunkIdShift   the width of the page index in a page id, the shift that builds page ids from chunk
 *                       ids: 8 or 9 (the seed's GMM_CHUNK_SHIFT, later VirtualBox's GMM_CHUNKID_SHIFT)
 * @param pagesPerChunk  pages in one chunk (256 or 512)
 * @param pageIdLast     the last valid page id (GMM_PAGEID_LAST)
 * @param chunkIdLast    the last valid chunk id (GMM_CHUNKID_LAST)
 * @param freeSetLists   lists in each free set
 */
public record GmmGeometry(
        int chunkShift, int chunkIdShift, int pagesPerChunk, long pageIdLast, long chunkIdLast, int freeSetLists) {}
