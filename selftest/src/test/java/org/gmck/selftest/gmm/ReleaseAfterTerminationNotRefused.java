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
 * The entry point that releases a shared reference lacks the instance check the others start with, and
 * after termination finds no page to work on and returns as if done: a release after termination is not
 * refused with VERR_GMM_INSTANCE.
 */
@Breaks("GMM-TERM-4")
public final class ReleaseAfterTerminationNotRefused extends KnownBad {

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                return new ForwardingGlobalMemory(real.create(edition, options)) {
                    private volatile boolean terminated;

                    @Override
                    public List<ChunkInfo> terminate() {
                        List<ChunkInfo> busy = real.terminate();
                        terminated = true;
                        return busy;
                    }

                    @Override
                    public void releaseShared(int vm, long sharedPageId) {
                        if (!terminated) {
                            real.releaseShared(vm, sharedPageId);
                        }
                    }
                };
            }
        };
    }
}
