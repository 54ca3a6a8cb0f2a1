package org.gmck.reference.gmm;

import java.util.function.LongPredicate;

/**
 * Picks the id of a new chunk. It is the previous id plus one if no chunk has that id, else the next id above
 * it that no chunk has, else (past the last id) the lowest id no chunk has; so the ids of chunks given back
 * come back once the search wraps. Both searches start at 1, so the NIL id 0 is never handed out. The pool
 * never holds more chunks than there are ids, so an unused id always exists.
 */
final class ChunkIdAllocator {

    private final long last;
    private final LongPredicate inUse;
    private long previous;

    /** Ids up to {@code last}; {@code inUse} says whether a chunk has an id. */
    ChunkIdAllocator(long last, LongPredicate inUse) {
        this.last = last;
        this.inUse = inUse;
    }

    /** The id for a new chunk, which becomes the previous id. */
    long allocate() {
        long id = firstUnused(previous + 1);
        if (id > last) {
            id = firstUnused(1);
        }
        previous = id;
        return id;
    }

    private long firstUnused(long from) {
        long id = from;
        while (inUse.test(id)) {
            id++;
        }
        return id;
    }
}
