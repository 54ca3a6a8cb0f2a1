package org.gmck.selftest.gmm;

import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.ChunkInfo;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmOptions;
import org.gmck.spi.gmm.GmmStatus;
import org.gmck.spi.gmm.NonContiguousAllocation;

/**
 * In legacy mode, decides whether the VM must seed another chunk by comparing the request with the free
 * pages of its emptiest seeded chunk instead of all its seeded chunks together: a VM that seeded two chunks
 * is told to seed a third for a request the two would cover between them.
 */
@Breaks(value = "GMM-LEG-2", also = "GMM-RES-9")
public final class LegacySeedMeCheckedPerChunk extends KnownBad {

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                boolean legacy =
                        options.legacyMode() || options.nonContiguous() == NonContiguousAllocation.NOT_SUPPORTED;
                GlobalMemory gmm = real.create(edition, options);
                if (!legacy) {
                    return gmm;
                }
                return new ForwardingGlobalMemory(gmm) {
                    @Override
                    public synchronized List<AllocatedPage> allocate(int vm, Account account, List<Long> guestPfns) {
                        if (guestPfns != null && guestPfns.size() > 1) {
                            int emptiest = 0;
                            long own = 0;
                            for (long id : real.chunkIds()) {
                                ChunkInfo chunk = real.chunk(id);
                                if (chunk.affinity() == vm) {
                                    emptiest = Math.max(emptiest, chunk.free());
                                    own += chunk.free();
                                }
                            }
                            if (guestPfns.size() > emptiest && guestPfns.size() <= own) {
                                throw new RejectedException(
                                        GmmStatus.VERR_GMM_SEED_ME,
                                        "legacy mode: no seeded chunk of VM " + vm + " has " + guestPfns.size()
                                                + " free pages");
                            }
                        }
                        return real.allocate(vm, account, guestPfns);
                    }
                };
            }
        };
    }
}
