package org.gmck.selftest.gmm;

import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.gmm.ChunkInfo;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmOptions;

/**
 * Termination reports a chunk as still in use when it holds private pages ({@code cPrivate != 0}) rather than
 * when it is not completely free, so a chunk holding only shared pages goes back to the host unreported.
 */
@Breaks("GMM-TERM-1")
public final class TerminationIgnoresChunksOfSharedPages extends KnownBad {

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                return new ForwardingGlobalMemory(real.create(edition, options)) {
                    @Override
                    public List<ChunkInfo> terminate() {
                        return real.terminate().stream()
                                .filter(c -> c.privatePages() != 0)
                                .toList();
                    }
                };
            }
        };
    }
}
