package org.gmck.kit.steps.gmm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gmck.spi.common.Profile;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.gmm.ChunkInfo;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmIntrospection;
import org.gmck.spi.gmm.GmmStatistics;
import org.gmck.spi.gmm.VmInfo;

/**
 * Everything a scenario can observe of a GMM: counters, VMs, chunks, pages, and (with introspection) free sets
 * and free lists, compared component by component (see {@link org.gmck.kit.StateSnapshot}) to check that a
 * refused call changed nothing. Taking it looks every chunk up last, in ascending id order, which leaves the
 * chunk TLB in one known state.
 *
 * @param statistics    the manager's counters
 * @param vms           what the manager says of each VM of the scenario, by name
 * @param chunkIds      the ids of the chunks that exist
 * @param pages         each page the scenario was given or shares, by id (or the status its look-up is refused with)
 * @param freeSets      each free set and how many pages it holds (introspection only)
 * @param freeLifos     the free list of each chunk (introspection only)
 * @param chunks        each chunk, by id
 * @param refused       the status the manager refused a look-up with, when it refused them all; else empty
 */
record GmmSnapshot(
        GmmStatistics statistics,
        Map<String, VmInfo> vms,
        List<Long> chunkIds,
        Map<String, Object> pages,
        Map<String, Object> freeSets,
        Map<String, List<Integer>> freeLifos,
        Map<String, ChunkInfo> chunks,
        String refused) {

    static GmmSnapshot take(GmmWorld world) {
        GlobalMemory gmm = world.gmm;
        GmmStatistics statistics = null;
        Map<String, VmInfo> vms = new LinkedHashMap<>();
        List<Long> chunkIds = List.of();
        Map<String, Object> pages = new LinkedHashMap<>();
        Map<String, Object> freeSets = new LinkedHashMap<>();
        Map<String, List<Integer>> freeLifos = new LinkedHashMap<>();
        Map<String, ChunkInfo> chunks = new LinkedHashMap<>();
        String refused = "";
        if (gmm == null) {
            return new GmmSnapshot(statistics, vms, chunkIds, pages, freeSets, freeLifos, chunks, refused);
        }
        try {
            statistics = gmm.statistics();
            for (Map.Entry<String, Integer> vm : world.vms.entrySet()) {
                vms.put(vm.getKey(), gmm.vm(vm.getValue()));
            }
            chunkIds = gmm.chunkIds();
            boolean introspect = world.context.adapter().profiles().contains(Profile.GMM_INTROSPECTION);
            List<Long> pageIds = new ArrayList<>();
            world.pages.values().forEach(pageIds::addAll);
            pageIds.addAll(world.sharedPages);
            for (long id : pageIds) {
                pages.put(Long.toHexString(id), lookUp(gmm, id));
            }
            GmmIntrospection introspection = introspect ? world.introspection() : null;
            if (introspect) {
                for (GmmIntrospection.FreeSetKind kind : GmmIntrospection.FreeSetKind.values()) {
                    freeSets.put(kind.toString(), introspection.freeSet(kind));
                    freeSets.put(kind + " pages", introspection.freeSetPages(kind));
                }
            }
            chunksLast(gmm, introspection, chunkIds, freeLifos, chunks);
        } catch (RejectedException terminated) {
            refused = terminated.status().name();
        }
        return new GmmSnapshot(statistics, vms, chunkIds, pages, freeSets, freeLifos, chunks, refused);
    }

    /**
     * Looks every chunk up in ascending id order, as taking a snapshot ends, without the rest of the snapshot:
     * each chunk TLB entry then holds what it would hold after one (the page look-ups a snapshot makes first
     * fill entries that the chunk look-ups then overwrite). A GMM that has ended is left alone.
     */
    static void lookUpChunks(GmmWorld world) {
        GlobalMemory gmm = world.gmm;
        if (gmm == null) {
            return;
        }
        try {
            List<Long> chunkIds = gmm.chunkIds();
            boolean introspect = world.context.adapter().profiles().contains(Profile.GMM_INTROSPECTION);
            GmmIntrospection introspection = introspect ? world.introspection() : null;
            chunksLast(gmm, introspection, chunkIds, new LinkedHashMap<>(), new LinkedHashMap<>());
        } catch (RejectedException terminated) {
            // the snapshot would record the refusal; there is nothing to look up
        }
    }

    /**
     * Chunks last, in ascending order: whatever the page look-ups cached, each chunk TLB entry then holds the
     * highest chunk id of its index, so an action starts from the same TLB however it was reached. With
     * introspection (not null) each chunk's free list is read just before the chunk.
     */
    private static void chunksLast(
            GlobalMemory gmm,
            GmmIntrospection introspection,
            List<Long> chunkIds,
            Map<String, List<Integer>> freeLifos,
            Map<String, ChunkInfo> chunks) {
        for (long id : chunkIds) {
            if (introspection != null) {
                freeLifos.put(Long.toString(id), introspection.freeLifo(id));
            }
            chunks.put(Long.toString(id), gmm.chunk(id));
        }
    }

    /** A page as the manager describes it, or the status it refuses the look-up with (its chunk was given back). */
    private static Object lookUp(GlobalMemory gmm, long pageId) {
        try {
            return gmm.page(pageId);
        } catch (RejectedException refused) {
            if (refused.status() == org.gmck.spi.gmm.GmmStatus.VERR_GMM_INSTANCE) {
                throw refused;
            }
            return "refused: " + refused.status().name();
        }
    }
}
