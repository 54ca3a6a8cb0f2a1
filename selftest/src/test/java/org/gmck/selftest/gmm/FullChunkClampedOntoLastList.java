package org.gmck.selftest.gmm;

import java.util.ArrayList;
import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.gmm.ChunkInfo;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmIntrospection;
import org.gmck.spi.gmm.GmmIntrospection.FreeSetKind;
import org.gmck.spi.gmm.GmmOptions;

/**
 * In the 1 MB edition the list index {@code (cFree - 1) >> 4} is computed on an unsigned count and clamped
 * to the last list, so a chunk without free pages lands at the tail of list 15 (where allocation passes over
 * it, having nothing to take) instead of on no list. The 2 MB edition's {@code cFree >> 4} is unaffected.
 */
@Breaks("GMM-SET-4")
public final class FullChunkClampedOntoLastList extends KnownBad {

    GmmFactory gmm(GmmFactory reference) {
        return Intercept.of(GmmFactory.class, reference, new Object() {
            GlobalMemory create(GmmEdition edition, GmmOptions options) {
                GlobalMemory real = reference.create(edition, options);
                if (edition != GmmEdition.SEED_1MB) {
                    return real;
                }
                return Intercept.of(GlobalMemory.class, real, new Object() {
                    GmmIntrospection introspection() {
                        GmmIntrospection inside = real.introspection();
                        return Intercept.of(GmmIntrospection.class, inside, new Object() {
                            List<List<Long>> freeSet(FreeSetKind kind) {
                                List<List<Long>> lists = new ArrayList<>(inside.freeSet(kind));
                                List<Long> last = new ArrayList<>(lists.get(lists.size() - 1));
                                for (long id : real.chunkIds()) {
                                    ChunkInfo chunk = real.chunk(id);
                                    if (chunk.free() == 0 && chunk.sharedChunk() == (kind == FreeSetKind.SHARED)) {
                                        last.add(id);
                                    }
                                }
                                lists.set(lists.size() - 1, List.copyOf(last));
                                return List.copyOf(lists);
                            }
                        });
                    }
                });
            }
        });
    }
}
