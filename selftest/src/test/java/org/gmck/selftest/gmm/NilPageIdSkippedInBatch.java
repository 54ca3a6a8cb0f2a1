package org.gmck.selftest.gmm;

import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmOptions;

/**
 * The free path skips NIL entries in a request, as if they were unused slots of a descriptor array (the
 * handy-page path treats them so), instead of refusing them as pages that do not exist: a request naming the
 * NIL page next to real pages frees the real ones. A request of the NIL page alone is still refused.
 */
@Breaks("GMM-ID-4")
public final class NilPageIdSkippedInBatch extends KnownBad {

    private static final long NIL = 0;

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                return new ForwardingGlobalMemory(real.create(edition, options)) {
                    @Override
                    public void free(int vm, Account account, List<Long> pageIds) {
                        List<Long> named = pageIds.stream()
                                .filter(id -> id == null || id != NIL)
                                .toList();
                        real.free(vm, account, named.isEmpty() ? pageIds : named);
                    }
                };
            }
        };
    }
}
