package org.gmck.spi.gmm;

import java.util.Set;

/** Entry point of the GMM profiles: creates fresh, initialised managers of the editions the adapter declares. */
public interface GmmFactory {

    /** The editions (chunk geometry, id limits, bucket rule) this adapter implements; never empty. */
    Set<GmmEdition> editions();

    /** A new, initialised manager with no chunks and no VMs. */
    GlobalMemory create(GmmEdition edition, GmmOptions options);
}
