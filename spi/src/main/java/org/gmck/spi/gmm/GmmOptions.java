package org.gmck.spi.gmm;

import java.util.Objects;

/**
 * How a GMM instance is set up.
 *
 * @param hostPages      the host memory limit in pages: the manager never holds more chunks than fit in it
 * @param legacyMode     legacy mode asked for: chunks come only from VMs that seed them, and there is no sharing
 * @param nonContiguous  what the host answers to the GMM's probe for physically non-contiguous allocations at
 *                       initialisation; {@link NonContiguousAllocation#NOT_SUPPORTED} puts the GMM in legacy mode
 *                       even when {@code legacyMode} is false
 */
public record GmmOptions(long hostPages, boolean legacyMode, NonContiguousAllocation nonContiguous) {

    public GmmOptions {
        Objects.requireNonNull(nonContiguous, "nonContiguous");
    }

    /** Options for a host that allocates physically non-contiguous memory. */
    public GmmOptions(long hostPages, boolean legacyMode) {
        this(hostPages, legacyMode, NonContiguousAllocation.WORKS);
    }
}
