package org.gmck.reference.gmm;

import java.util.BitSet;

/**
 * Hands out chunk ids from a bitmap (a set bit is an id in use). Id 0 is NIL and is marked used from the
 * start. A new id is the previous one plus one if that is free, else the next free id above it, else the
 * lowest free id; so freed ids come back once the search wraps.
 */
final class ChunkIdAllocator {

    private final long last;
    private final BitSet used = new BitSet();
    private long previous;

    ChunkIdAllocator(long last) {
        this.last = last;
        used.set(0);
    }

    /** A free id, now marked used, or NIL when every id is in use. */
    long allocate() {
        long id = used.nextClearBit((int) previous + 1);
        if (id > last) {
            id = used.nextClearBit(1);
            if (id > last) {
                return ChunkGeometry.NIL_ID;
            }
        }
        used.set((int) id);
        previous = id;
        return id;
    }

    void free(long id) {
        used.clear((int) id);
    }
}
