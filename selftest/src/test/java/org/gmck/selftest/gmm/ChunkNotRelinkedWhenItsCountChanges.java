package org.gmck.selftest.gmm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmIntrospection;
import org.gmck.spi.gmm.GmmIntrospection.FreeSetKind;
import org.gmck.spi.gmm.GmmOptions;

/**
 * Links a chunk into a free-set list when it joins the set (a new chunk on the list of completely free
 * chunks, a full chunk that gets a page back on the list for its count) but never relinks it as its free
 * count changes, so a chunk is left in the wrong bucket and "fullest first" searches the wrong list.
 */
@Breaks(
        value = "GMM-SET-2",
        also = {"GMM-SET-5", "GMM-SET-8"})
public final class ChunkNotRelinkedWhenItsCountChanges extends KnownBad {

    private static final int ON_NO_LIST = -1;

    GmmFactory gmm(GmmFactory reference) {
        return Intercept.of(GmmFactory.class, reference, new Object() {
            GlobalMemory create(GmmEdition edition, GmmOptions options) {
                GlobalMemory real = reference.create(edition, options);
                Map<FreeSetKind, Map<Long, Integer>> linked = new HashMap<>();
                return Intercept.of(GlobalMemory.class, real, new Object() {
                    synchronized List<AllocatedPage> allocate(int vm, Account account, List<Long> guestPfns) {
                        try {
                            return real.allocate(vm, account, guestPfns);
                        } finally {
                            relinkOnlyOnJoin();
                        }
                    }

                    synchronized void free(int vm, Account account, List<Long> pageIds) {
                        try {
                            real.free(vm, account, pageIds);
                        } finally {
                            relinkOnlyOnJoin();
                        }
                    }

                    GmmIntrospection introspection() {
                        GmmIntrospection inside = real.introspection();
                        return Intercept.of(GmmIntrospection.class, inside, new Object() {
                            List<List<Long>> freeSet(FreeSetKind kind) {
                                relinkOnlyOnJoin();
                                List<List<Long>> real = inside.freeSet(kind);
                                List<List<Long>> lists = new ArrayList<>();
                                real.forEach(l -> lists.add(new ArrayList<>()));
                                real.forEach(l -> l.forEach(chunk ->
                                        lists.get(linked.get(kind).get(chunk)).add(chunk)));
                                return lists.stream().map(List::copyOf).toList();
                            }
                        });
                    }

                    private void relinkOnlyOnJoin() {
                        for (FreeSetKind kind : FreeSetKind.values()) {
                            List<List<Long>> lists = real.introspection().freeSet(kind);
                            Map<Long, Integer> was = linked.computeIfAbsent(kind, k -> new HashMap<>());
                            Map<Long, Integer> now = new HashMap<>();
                            for (int list = 0; list < lists.size(); list++) {
                                for (long chunk : lists.get(list)) {
                                    Integer before = was.get(chunk);
                                    now.put(
                                            chunk,
                                            before == null ? lists.size() - 1 : before == ON_NO_LIST ? list : before);
                                }
                            }
                            was.keySet().forEach(chunk -> now.putIfAbsent(chunk, ON_NO_LIST));
                            real.chunkIds().forEach(chunk -> now.putIfAbsent(chunk, ON_NO_LIST));
                            was.clear();
                            was.putAll(now);
                        }
                    }
                });
            }
        });
    }
}
