package org.gmck.kit.model.gmm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.gmck.spi.gmm.GmmIntrospection.FreeSetKind;
import org.gmck.spi.gmm.PageState;

/**
 * One chunk as the model has it: each page's state, owner, guest frame and references, the free LIFO, the
 * counts, the VM it is associated with, and the host frame of its page 0 once a page handed out showed it.
 */
final class ModelChunk {

    /** Zeroed flag of a free page the catalogue does not fix (a seeded chunk's pages before first use). */
    static final byte ZEROED_UNKNOWN = 2;

    final long id;
    final boolean sharedChunk;
    final boolean seeded;
    /** The VM handle the chunk is associated with, 0 for none. */
    int affinity;
    /** Whether the catalogue fixes the affinity: not for chunks of shared pages. */
    final boolean affinityFixed;

    final PageState[] state;
    final int[] owner;
    final long[] pfn;
    final long[] refs;
    /** Per free page: 1 zeroed, 0 not, {@link #ZEROED_UNKNOWN}. */
    final byte[] zeroed;
    /** The free LIFO, head first. */
    final ArrayDeque<Integer> lifo = new ArrayDeque<>();

    int free;
    int privatePages;
    int sharedPages;
    /** The list of its free set it is on, -1 for none. */
    int list = -1;
    /**
     * Per page: the host frame it was handed out with, while it is handed out; {@link #HOST_UNKNOWN} for a free
     * page. The catalogue asks only that no two pages handed out share a frame (GMM-STATE-8), not that a chunk's
     * frames follow each other: a chunk is a physically non-contiguous allocation.
     */
    final long[] host;

    static final long HOST_UNKNOWN = -1;

    ModelChunk(long id, int pages, boolean sharedChunk, boolean seeded, int affinity) {
        this.id = id;
        this.sharedChunk = sharedChunk;
        this.seeded = seeded;
        this.affinity = affinity;
        this.affinityFixed = !sharedChunk;
        state = new PageState[pages];
        owner = new int[pages];
        pfn = new long[pages];
        refs = new long[pages];
        zeroed = new byte[pages];
        host = new long[pages];
        java.util.Arrays.fill(host, HOST_UNKNOWN);
        for (int i = 0; i < pages; i++) {
            state[i] = PageState.FREE;
            zeroed[i] = seeded ? ZEROED_UNKNOWN : 1;
            lifo.addLast(i);
        }
        free = pages;
    }

    FreeSetKind set() {
        return sharedChunk ? FreeSetKind.SHARED : FreeSetKind.PRIVATE;
    }

    /** The free LIFO, head first. */
    List<Integer> lifo() {
        return new ArrayList<>(lifo);
    }

    /** The free page after {@code index} on the LIFO, or NIL. */
    int next(int index) {
        boolean found = false;
        for (int i : lifo) {
            if (found) {
                return i;
            }
            found = i == index;
        }
        return ModelGeometry.NIL_INDEX;
    }

    boolean completelyFree() {
        return free == state.length;
    }
}
