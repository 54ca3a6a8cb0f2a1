package org.gmck.kit.steps.gmm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gmck.spi.common.Profile;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmIntrospection;

/**
 * Everything a scenario can observe of a GMM: counters, VMs, chunks, pages, and (with introspection) lists.
 * Taking it looks every chunk up last, in ascending id order, which leaves the chunk TLB in one known state.
 */
record GmmSnapshot(Map<String, Object> values) {

    static GmmSnapshot take(GmmWorld world) {
        Map<String, Object> values = new LinkedHashMap<>();
        GlobalMemory gmm = world.gmm;
        if (gmm == null) {
            return new GmmSnapshot(values);
        }
        try {
            values.put("statistics", gmm.statistics());
            for (Map.Entry<String, Integer> vm : world.vms.entrySet()) {
                values.put("VM " + vm.getKey(), gmm.vm(vm.getValue()));
            }
            List<Long> chunks = gmm.chunkIds();
            values.put("chunk ids", chunks);
            boolean introspect = world.context.adapter().profiles().contains(Profile.GMM_INTROSPECTION);
            List<Long> pageIds = new ArrayList<>();
            world.pages.values().forEach(pageIds::addAll);
            pageIds.addAll(world.sharedPages);
            for (long id : pageIds) {
                values.put("page " + Long.toHexString(id), lookUp(gmm, id));
            }
            if (introspect) {
                for (GmmIntrospection.FreeSetKind kind : GmmIntrospection.FreeSetKind.values()) {
                    values.put(kind + " free set", gmm.introspection().freeSet(kind));
                    values.put(kind + " free set pages", gmm.introspection().freeSetPages(kind));
                }
            }
            // Chunks last, in ascending order: whatever the page look-ups cached, each chunk TLB entry then holds
            // the highest chunk id of its index, so an action starts from the same TLB however it was reached.
            for (long id : chunks) {
                if (introspect) {
                    values.put("free LIFO of chunk " + id, gmm.introspection().freeLifo(id));
                }
                values.put("chunk " + id, gmm.chunk(id));
            }
        } catch (RejectedException terminated) {
            values.put("refused", terminated.status().name());
        }
        return new GmmSnapshot(values);
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
