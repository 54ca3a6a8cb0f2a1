package org.gmck.kit.properties.gmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gmck.spi.gmm.ChunkInfo;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmIntrospection;
import org.gmck.spi.gmm.GmmIntrospection.FreeSetKind;
import org.gmck.spi.gmm.GmmStatistics;
import org.gmck.spi.gmm.PageInfo;
import org.gmck.spi.gmm.PageState;
import org.gmck.spi.gmm.VmInfo;

/** What must hold after every step: pages conserved, one owner per page, chunk counts adding up, free lists well formed. */
final class GmmInvariants {

    private GmmInvariants() {
    }

    static void check(GlobalMemory gmm, GmmModel model, List<Integer> liveVms, boolean introspect, String trace) {
        int pages = gmm.geometry().pagesPerChunk();
        GmmStatistics stats = gmm.statistics();
        List<Long> chunks = gmm.chunkIds();
        assertEquals(chunks.size(), stats.chunks(), trace + ": chunk count");
        long privatePages = 0;
        long sharedPages = 0;
        long freePages = 0;
        for (long id : chunks) {
            ChunkInfo chunk = gmm.chunk(id);
            assertEquals(pages, chunk.free() + chunk.privatePages() + chunk.sharedPages(),
                    trace + ": the pages of chunk " + id + " add up");
            assertTrue(!chunk.sharedChunk() || chunk.privatePages() == 0, trace + ": chunk " + id + " mixes shared and private pages");
            privatePages += chunk.privatePages();
            sharedPages += chunk.sharedPages();
            freePages += chunk.free();
        }
        assertEquals(chunks.size() * (long) pages, freePages + stats.allocatedPages(), trace + ": free + allocated = total");
        assertEquals(freePages, stats.freePages(), trace + ": free pages");
        assertEquals(model.owner.size(), privatePages, trace + ": private pages in chunks");
        assertEquals(model.refs.size(), sharedPages, trace + ": shared pages in chunks");
        assertEquals(model.allocated(), stats.allocatedPages(), trace + ": allocated pages");
        assertEquals((long) model.refs.size(), stats.sharedPages(), trace + ": shared pages");
        assertEquals(model.duplicates(), stats.duplicatePages(), trace + ": duplicate pages");
        for (Map.Entry<Long, Integer> e : model.owner.entrySet()) {
            PageInfo info = gmm.page(e.getKey());
            assertEquals(PageState.PRIVATE, info.state(), trace + ": page " + Long.toHexString(e.getKey()));
            assertEquals((int) e.getValue(), info.owner(), trace + ": owner of page " + Long.toHexString(e.getKey()));
        }
        for (Map.Entry<Long, Long> e : model.refs.entrySet()) {
            PageInfo info = gmm.page(e.getKey());
            assertEquals(PageState.SHARED, info.state(), trace + ": shared page " + Long.toHexString(e.getKey()));
            assertEquals((long) e.getValue(), info.refs(), trace + ": references of " + Long.toHexString(e.getKey()));
        }
        for (int vm : liveVms) {
            VmInfo info = gmm.vm(vm);
            assertEquals(model.privateCount(vm), info.privatePages(), trace + ": private pages of VM " + vm);
            assertEquals(model.heldCount(vm), info.sharedPages(), trace + ": shared references of VM " + vm);
            assertEquals((long) model.base.getOrDefault(vm, 0L), info.allocatedBase(), trace + ": BASE pages of VM " + vm);
        }
        if (introspect) {
            checkFreeLists(gmm, chunks, trace);
        }
    }

    private static void checkFreeLists(GlobalMemory gmm, List<Long> chunks, String trace) {
        GmmIntrospection in = gmm.introspection();
        int shift = gmm.geometry().chunkIdShift();
        boolean seed = gmm.geometry().freeSetLists() == gmm.geometry().pagesPerChunk() >> 4;
        for (long id : chunks) {
            ChunkInfo chunk = gmm.chunk(id);
            List<Integer> lifo = in.freeLifo(id);
            assertEquals(chunk.free(), lifo.size(), trace + ": free LIFO length of chunk " + id);
            assertEquals(lifo.size(), new HashSet<>(lifo).size(), trace + ": free LIFO of chunk " + id + " repeats a page");
            for (int index : lifo) {
                assertEquals(PageState.FREE, gmm.page((id << shift) | index).state(),
                        trace + ": page " + index + " on chunk " + id + "'s free LIFO");
            }
        }
        for (FreeSetKind kind : FreeSetKind.values()) {
            List<List<Long>> lists = in.freeSet(kind);
            long sum = 0;
            Set<Long> seen = new HashSet<>();
            for (int list = 0; list < lists.size(); list++) {
                for (long id : lists.get(list)) {
                    ChunkInfo chunk = gmm.chunk(id);
                    assertTrue(seen.add(id), trace + ": chunk " + id + " twice on the " + kind + " free set");
                    assertEquals(kind == FreeSetKind.SHARED, chunk.sharedChunk(), trace + ": chunk " + id + " on the " + kind + " set");
                    int expected = seed ? (chunk.free() - 1) >> 4 : chunk.free() >> 4;
                    assertTrue(chunk.free() > 0, trace + ": full chunk " + id + " on a list");
                    assertEquals(expected, list, trace + ": list of chunk " + id + " with " + chunk.free() + " free pages");
                    sum += chunk.free();
                }
            }
            assertEquals(sum, in.freeSetPages(kind), trace + ": free pages of the " + kind + " set");
        }
        for (long id : chunks) {
            ChunkInfo chunk = gmm.chunk(id);
            boolean listed = in.freeSet(chunk.sharedChunk() ? FreeSetKind.SHARED : FreeSetKind.PRIVATE).stream()
                    .anyMatch(l -> l.contains(id));
            assertEquals(chunk.free() > 0, listed, trace + ": chunk " + id + " with " + chunk.free() + " free pages listed");
        }
    }

    /** The edition's name, for messages. */
    static String describe(GmmEdition edition) {
        return edition == GmmEdition.SEED_1MB ? "1 MB chunks" : "2 MB chunks";
    }
}
