package org.gmck.selftest.gmm;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmOptions;

/**
 * Takes legacy mode from the configuration alone and never probes the host: on a host without physically
 * non-contiguous allocations the GMM still believes it can take chunks itself, offers sharing, and refuses
 * the chunks its VMs try to seed.
 */
@Breaks("GMM-LEG-10")
public final class LegacyModeOnlyWhenAskedFor extends KnownBad {

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                return real.create(edition, new GmmOptions(options.hostPages(), options.legacyMode()));
            }
        };
    }
}
