package org.gmck.reference.gmm;

import java.util.ArrayList;
import java.util.List;

/**
 * One allocation chunk: a packed GMMPAGE word per page, the head of its free LIFO, its counters, its VM
 * affinity and its place in a free set.
 */
final class Chunk {

    final long id;
    final long[] pages;
    final long hostPfnBase;
    final boolean dedicatedShared;
    int freeHead = GmmPage.NIL_INDEX;
    int free;
    int privateCount;
    int sharedCount;
    int affinity;

    FreeSet set;
    int listIndex = -1;
    Chunk prev;
    Chunk next;

    /** A fresh chunk on {@code pages}: every page free and zeroed, chained in ascending order from index 0. */
    Chunk(long id, long[] pages, long hostPfnBase, boolean dedicatedShared, int affinity) {
        int pagesPerChunk = pages.length;
        this.id = id;
        this.pages = pages;
        this.hostPfnBase = hostPfnBase;
        this.dedicatedShared = dedicatedShared;
        this.affinity = affinity;
        for (int i = pagesPerChunk - 1; i >= 0; i--) {
            pushFree(i, true);
        }
    }

    /** Takes the page at the head of the free LIFO; the caller writes its new word. */
    int popFree() {
        int index = freeHead;
        freeHead = GmmPage.next(pages[index]);
        free--;
        return index;
    }

    /** Puts a page on the head of the free LIFO. */
    void pushFree(int index, boolean zeroed) {
        pages[index] = GmmPage.freePage(freeHead, zeroed);
        freeHead = index;
        free++;
    }

    long hostPfn(int index) {
        return hostPfnBase + index;
    }

    boolean completelyFree() {
        return free == pages.length;
    }

    /** The free page indexes from the head of the LIFO. */
    List<Integer> freeLifo() {
        List<Integer> order = new ArrayList<>();
        for (int i = freeHead; i != GmmPage.NIL_INDEX; i = GmmPage.next(pages[i])) {
            order.add(i);
        }
        return order;
    }
}
