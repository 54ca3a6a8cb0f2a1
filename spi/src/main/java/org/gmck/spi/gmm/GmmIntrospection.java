package org.gmck.spi.gmm;

import java.util.List;

/** GMM internals (profile {@code gmm-introspection}): layouts, LIFOs, free sets, the chunk TLB, the magic. */
public interface GmmIntrospection {

    /** Which free set. */
    enum FreeSetKind {
        PRIVATE,
        SHARED
    }

    /** The raw 64-bit GMMPAGE word of a page. */
    long rawPage(long pageId);

    /** Encodes fields into a GMMPAGE word of the layout (a 32-bit word is returned in the low bits). */
    long encode(GmmPageLayout layout, GmmPageFields fields);

    /** Decodes a GMMPAGE word of the layout. */
    GmmPageFields decode(GmmPageLayout layout, long word);

    /** The indexes of a chunk's free pages, from the head of its LIFO. */
    List<Integer> freeLifo(long chunkId);

    /** The chunk ids on each list of a free set, each list from its head. */
    List<List<Long>> freeSet(FreeSetKind kind);

    /** The free page count a free set records. */
    long freeSetPages(FreeSetKind kind);

    /** The chunk id of each of the 32 chunk TLB entries (0 for an empty entry). */
    List<Long> chunkTlb();

    /** The instance's magic value. */
    long magic();

    /** Overwrites a chunk's recorded free, private and shared counts, to check that cleanup repairs them. */
    void corruptChunkStatistics(long chunkId, int free, int privatePages, int sharedPages);
}
