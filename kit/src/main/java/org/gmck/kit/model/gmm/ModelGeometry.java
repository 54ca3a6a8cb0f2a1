package org.gmck.kit.model.gmm;

import org.gmck.spi.gmm.GmmEdition;

/**
 * The geometry the catalogue fixes for an edition: pages per chunk and the id shift (GMM-ID-1, GMM-ID-2), the
 * last page and chunk ids (GMM-ID-6), and the free-set buckets (GMM-SET-1 to GMM-SET-4, interpretation I-GMM-4).
 *
 * @param edition    the edition
 * @param pages      pages per chunk
 * @param idShift    GMM_CHUNKID_SHIFT
 * @param pageIdLast the last valid page id
 * @param chunkIdLast the last valid chunk id
 * @param lists      lists per free set
 */
record ModelGeometry(GmmEdition edition, int pages, int idShift, long pageIdLast, long chunkIdLast, int lists) {

    /** The unshareable guest frame a page records without a guest address, in later VirtualBox (GMM-STATE-2). */
    static final long UNSHAREABLE = 0xFFFF_FFF1L;
    /** The last guest frame a private page can record in later VirtualBox (GMM-STATE-4). */
    static final long PFN_LAST = 0xFFFF_FFF0L;
    /** The value that marks an unknown or out-of-range guest frame when all bits set mean that (seed 000). */
    static final long ALL_ONES = 0xFFFF_FFFFL;
    /** NIL in a free page's next-index field. */
    static final int NIL_INDEX = 0xFFFF;

    static ModelGeometry of(GmmEdition edition) {
        return edition == GmmEdition.SEED_1MB
                ? new ModelGeometry(edition, 256, 8, 0x0FFF_FFFFL, 0xF_FFFFL, 16)
                : new ModelGeometry(edition, 512, 9, 0xFFFF_FFF0L, 0x7F_FFFFL, 33);
    }

    /** The list a chunk with {@code free} free pages is on, -1 for none (GMM-SET-2, GMM-SET-3, GMM-SET-4). */
    int bucket(int free) {
        if (free <= 0) {
            return -1;
        }
        return edition == GmmEdition.SEED_1MB ? (free - 1) >> 4 : free >> 4;
    }

    long chunkOf(long pageId) {
        return pageId >>> idShift;
    }

    int indexOf(long pageId) {
        return (int) (pageId & (pages - 1));
    }

    long pageId(long chunk, int index) {
        return (chunk << idShift) | index;
    }

    /** The magic after termination (GMM-TERM-3). */
    long terminatedMagic() {
        return edition == GmmEdition.SEED_1MB ? 0x1954_0415L : 0xE6AB_FBEBL;
    }
}
