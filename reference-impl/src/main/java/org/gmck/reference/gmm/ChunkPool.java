package org.gmck.reference.gmm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The chunks held from the host: keyed by id (with the chunk TLB in front), their ids, the private and shared
 * free sets, and the host memory limit.
 */
final class ChunkPool {

    /**
     * The host backs each page id with the frame that is the page id with this bit flipped: the first chunks
     * lie at 4 GB and up, each chunk's frames are consecutive, no two chunks share a frame, and every frame
     * fits the 32-bit frame field of a shared page.
     */
    static final long HOST_PFN_BIT = 0x100000L;

    final ChunkGeometry geometry;
    final FreeSet privateSet;
    final FreeSet sharedSet;
    final ChunkTlb tlb = new ChunkTlb();
    private final TreeMap<Long, Chunk> chunks = new TreeMap<>();
    /**
     * The same chunks by id, for lookups without boxing or a tree walk: chunk {@code id} at position {@code id},
     * null where none. Ids are handed out one above another, so the array doubles when an id reaches its end.
     */
    private Chunk[] byId = new Chunk[2];

    private final ChunkIdAllocator ids;
    /** The host memory limit in whole chunks, never more than there are chunk ids. */
    private final long maxChunks;
    /** Where the page arrays of new chunks come from (tests make it fail to stand for a host out of memory). */
    IntFunction<long[]> pageArrays = long[]::new;

    ChunkPool(ChunkGeometry geometry, long hostPages) {
        this.geometry = geometry;
        this.privateSet = new FreeSet(geometry);
        this.sharedSet = new FreeSet(geometry);
        this.ids = new ChunkIdAllocator(geometry.chunkIdLast(), chunks::containsKey);
        this.maxChunks = Math.min(Math.max(0, hostPages) / geometry.pagesPerChunk(), geometry.chunkIdLast());
    }

    int count() {
        return chunks.size();
    }

    /** Chunks the host can still give. */
    long chunksLeft() {
        return maxChunks - chunks.size();
    }

    long maxPages() {
        return maxChunks * geometry.pagesPerChunk();
    }

    /**
     * Finds a chunk, leaving it in its TLB entry; null when there is none. A hit in the TLB would find the
     * same chunk and leave the same entry, so the lookup goes to the chunk map every time.
     */
    Chunk find(long chunkId) {
        Chunk chunk = lookup(chunkId);
        if (chunk != null) {
            tlb.fill(chunk);
        }
        return chunk;
    }

    /** Finds a chunk without touching the TLB; null when there is none. */
    Chunk lookup(long chunkId) {
        return chunkId < byId.length ? byId[(int) chunkId] : null;
    }

    /** The memory of a new chunk's pages, got before anything changes so that running out refuses cleanly. */
    long[] chunkMemory() {
        return pageArrays.apply(geometry.pagesPerChunk());
    }

    /** A new chunk from the host, linked into its free set; the caller has checked {@link #chunksLeft()}. */
    Chunk create(boolean dedicatedShared, int affinity) {
        return create(dedicatedShared, affinity, chunkMemory());
    }

    /** A new chunk on page memory already got with {@link #chunkMemory()}, linked into its free set. */
    Chunk create(boolean dedicatedShared, int affinity, long[] memory) {
        long id = ids.allocate();
        Chunk chunk = new Chunk(id, memory, geometry.pageId(id, 0) ^ HOST_PFN_BIT, dedicatedShared, affinity);
        chunks.put(id, chunk);
        while (id >= byId.length) {
            byId = Arrays.copyOf(byId, byId.length * 2);
        }
        byId[(int) id] = chunk;
        setOf(chunk).link(chunk);
        return chunk;
    }

    /** Gives a chunk back to the host. */
    void release(Chunk chunk) {
        setOf(chunk).unlink(chunk, chunk.free);
        chunks.remove(chunk.id);
        byId[(int) chunk.id] = null;
        tlb.evict(chunk);
    }

    FreeSet setOf(Chunk chunk) {
        return chunk.dedicatedShared ? sharedSet : privateSet;
    }

    /** All chunks, ascending by id. */
    List<Chunk> all() {
        return new ArrayList<>(chunks.values());
    }

    /** The completely free chunks of a set. */
    List<Chunk> completelyFree(FreeSet set) {
        List<Chunk> empty = new ArrayList<>();
        for (Chunk c = set.head(set.lists() - 1); c != null; c = c.next) {
            if (c.completelyFree()) {
                empty.add(c);
            }
        }
        return empty;
    }

    long freePages() {
        return privateSet.freePages() + sharedSet.freePages();
    }
}
