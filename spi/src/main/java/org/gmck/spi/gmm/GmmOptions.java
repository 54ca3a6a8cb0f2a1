package org.gmck.spi.gmm;

/**
 * How a GMM instance is set up.
 *
 * @param hostPages  the host memory limit in pages: the manager never holds more chunks than fit in it
 * @param legacyMode legacy mode: chunks come only from VMs that seed them, and there is no sharing
 */
public record GmmOptions(long hostPages, boolean legacyMode) {
}
