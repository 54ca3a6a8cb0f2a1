package org.gmck.reference.gmm;

import java.util.ArrayList;
import java.util.List;

/** The 32-entry chunk TLB in front of the chunk map, indexed by the low five bits of the chunk id. */
final class ChunkTlb {

    static final int ENTRIES = 32;

    private final Chunk[] entries = new Chunk[ENTRIES];

    static int index(long chunkId) {
        return (int) (chunkId & (ENTRIES - 1));
    }

    void fill(Chunk chunk) {
        entries[index(chunk.id)] = chunk;
    }

    /** Drops the entry only if it caches this chunk. */
    void evict(Chunk chunk) {
        int index = index(chunk.id);
        if (entries[index] == chunk) {
            entries[index] = null;
        }
    }

    List<Long> describe() {
        List<Long> ids = new ArrayList<>();
        for (Chunk entry : entries) {
            ids.add(entry == null ? ChunkGeometry.NIL_ID : entry.id);
        }
        return List.copyOf(ids);
    }
}
