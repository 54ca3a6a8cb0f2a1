package org.gmck.reference.gmm;

import java.util.ArrayList;
import java.util.List;
import org.gmck.spi.gmm.ChunkRepair;

/**
 * The page scan of VM cleanup: visits only the chunks the VM touched, puts each of its private pages on the
 * chunk's free LIFO, recounts the chunk's free, private and shared pages, and repairs (and reports) counters
 * that do not add up.
 */
final class VmCleanup {

    /** What the scan did. */
    record Result(long freed, List<ChunkRepair> repairs) {}

    private VmCleanup() {}

    static Result freePrivatePages(ChunkPool pool, VmData vm) {
        long freed = 0;
        List<ChunkRepair> repairs = new ArrayList<>();
        for (long id : vm.chunks) {
            Chunk chunk = pool.find(id);
            if (chunk == null) {
                continue;
            }
            FreeSet set = pool.setOf(chunk);
            set.unlink(chunk, chunk.free);
            int free = 0;
            int privatePages = 0;
            int shared = 0;
            for (int i = chunk.pages.length - 1; i >= 0; i--) {
                long word = chunk.pages[i];
                int state = GmmPage.state(word);
                if (state == GmmPage.STATE_PRIVATE && GmmPage.vmHandle(word) == vm.handle) {
                    chunk.pushFree(i, false);
                    chunk.privateCount--;
                    freed++;
                    free++;
                } else if (state == GmmPage.STATE_PRIVATE) {
                    privatePages++;
                } else if (state == GmmPage.STATE_FREE) {
                    free++;
                } else {
                    shared++;
                }
            }
            if (chunk.free != free || chunk.privateCount != privatePages || chunk.sharedCount != shared) {
                repairs.add(new ChunkRepair(
                        chunk.id, chunk.free, free, chunk.privateCount, privatePages, chunk.sharedCount, shared));
                chunk.free = free;
                chunk.privateCount = privatePages;
                chunk.sharedCount = shared;
            }
            if (chunk.affinity == vm.handle) {
                chunk.affinity = 0;
            }
            set.link(chunk);
        }
        return new Result(freed, repairs);
    }
}
