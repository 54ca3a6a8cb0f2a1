package org.gmck.reference.gmm;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of chunk lists bucketed by free page count (GMMCHUNKFREESET). A chunk is linked at the head of the
 * list its free count selects, or on no list when it has no free pages; it moves only when its list changes.
 */
final class FreeSet {

    private final ChunkGeometry geometry;
    private final Chunk[] heads;
    private long freePages;

    FreeSet(ChunkGeometry geometry) {
        this.geometry = geometry;
        this.heads = new Chunk[geometry.freeSetLists()];
    }

    long freePages() {
        return freePages;
    }

    Chunk head(int list) {
        return heads[list];
    }

    int lists() {
        return heads.length;
    }

    /** Links a chunk at the head of the list its free count selects; chunks without free pages stay off. */
    void link(Chunk chunk) {
        int index = geometry.listIndex(chunk.free);
        chunk.set = this;
        chunk.listIndex = index;
        chunk.prev = null;
        chunk.next = null;
        if (index < 0) {
            return;
        }
        chunk.next = heads[index];
        if (heads[index] != null) {
            heads[index].prev = chunk;
        }
        heads[index] = chunk;
        freePages += chunk.free;
    }

    /** Takes a chunk off its list; {@code recordedFree} is the free count it was linked with. */
    void unlink(Chunk chunk, int recordedFree) {
        if (chunk.listIndex >= 0) {
            if (chunk.prev != null) {
                chunk.prev.next = chunk.next;
            } else {
                heads[chunk.listIndex] = chunk.next;
            }
            if (chunk.next != null) {
                chunk.next.prev = chunk.prev;
            }
            freePages -= recordedFree;
        }
        chunk.set = null;
        chunk.listIndex = -1;
        chunk.prev = null;
        chunk.next = null;
    }

    /** Follows a change of the chunk's free count from {@code oldFree}: relinks only when its list changes. */
    void changed(Chunk chunk, int oldFree) {
        if (chunk.listIndex >= 0 && chunk.listIndex == geometry.listIndex(chunk.free)) {
            freePages += chunk.free - oldFree;
            return;
        }
        unlink(chunk, oldFree);
        link(chunk);
    }

    /** The chunk ids on each list, from the head. */
    List<List<Long>> describe() {
        List<List<Long>> lists = new ArrayList<>();
        for (Chunk head : heads) {
            List<Long> ids = new ArrayList<>();
            for (Chunk c = head; c != null; c = c.next) {
                ids.add(c.id);
            }
            lists.add(List.copyOf(ids));
        }
        return List.copyOf(lists);
    }
}
