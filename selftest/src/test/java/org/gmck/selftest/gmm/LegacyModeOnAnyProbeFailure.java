package org.gmck.selftest.gmm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmOptions;
import org.gmck.spi.gmm.NonContiguousAllocation;

/**
 * Initialisation switches to legacy mode whenever its probe for physically non-contiguous memory fails
 * ({@code if (RT_FAILURE(rc))}) rather than only when the host answers "not supported": a host that is
 * merely short of memory at that moment loses page sharing and makes its VMs seed their own chunks.
 */
@Breaks("GMM-LEG-11")
public final class LegacyModeOnAnyProbeFailure extends KnownBad {

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                boolean failed = options.nonContiguous() != NonContiguousAllocation.WORKS;
                return real.create(
                        edition,
                        new GmmOptions(options.hostPages(), options.legacyMode() || failed, options.nonContiguous()));
            }
        };
    }
}
