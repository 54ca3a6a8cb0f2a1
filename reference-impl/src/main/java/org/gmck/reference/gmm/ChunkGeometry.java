package org.gmck.reference.gmm;

import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmGeometry;

/**
 * Chunk size, page id arithmetic and the free-set bucket rule of one GMM edition.
 *
 * <p>{@code chunkShift} is GMM_CHUNK_SHIFT, log2 of the chunk size in bytes; {@code chunkIdShift} is
 * GMM_CHUNKID_SHIFT, the shift that builds page ids. The seed uses one name for both; they differ by the
 * page shift (12).
 */
public record ChunkGeometry(GmmEdition edition, int chunkShift, int chunkIdShift, long pageIdLast, boolean emptyList) {

    /** log2 of the page size. */
    public static final int PAGE_SHIFT = 12;
    /** NIL page id and NIL chunk id. */
    public static final long NIL_ID = 0;

    /** The geometry of an edition. */
    public static ChunkGeometry of(GmmEdition edition) {
        return edition == GmmEdition.SEED_1MB
                ? new ChunkGeometry(edition, 20, 20 - PAGE_SHIFT, 0x0FFF_FFFFL, false)
                : new ChunkGeometry(edition, 21, 21 - PAGE_SHIFT, 0xFFFF_FFF0L, true);
    }

    /** Pages in a chunk. */
    public int pagesPerChunk() {
        return 1 << chunkIdShift;
    }

    /** The last valid chunk id. */
    public long chunkIdLast() {
        return pageIdLast >>> chunkIdShift;
    }

    /** Lists per free set: one per 16 free-page values, plus one for empty chunks where the edition has it. */
    public int freeSetLists() {
        return (pagesPerChunk() >> 4) + (emptyList ? 1 : 0);
    }

    /**
     * The list a chunk with {@code free} free pages belongs on, or -1 for none (no free pages). The seed
     * edition uses {@code (free - 1) >> 4} (1-16, 17-32, ...); the current one {@code free >> 4} (1-15,
     * 16-31, ..., and a list of its own for completely free chunks).
     */
    public int listIndex(int free) {
        if (free <= 0) {
            return -1;
        }
        return emptyList ? free >> 4 : (free - 1) >> 4;
    }

    /** The page id of page {@code index} of chunk {@code chunkId}. */
    public long pageId(long chunkId, int index) {
        return (chunkId << chunkIdShift) | index;
    }

    /** The chunk id part of a page id. */
    public long chunkOf(long pageId) {
        return pageId >>> chunkIdShift;
    }

    /** The page index part of a page id. */
    public int indexOf(long pageId) {
        return (int) (pageId & (pagesPerChunk() - 1));
    }

    /** As the SPI reports it. */
    public GmmGeometry describe() {
        return new GmmGeometry(chunkShift, chunkIdShift, pagesPerChunk(), pageIdLast, chunkIdLast(), freeSetLists());
    }
}
