package org.gmck.spi.gmm;

/**
 * Which GMM an adapter implements. The edition fixes the chunk geometry, the page id limits and the free
 * set bucket rule; the kit's scenarios hold for each edition the adapter declares.
 */
public enum GmmEdition {
    /** Seed 002 (2007): 1 MB chunks of 256 pages, page ids up to 2^28 - 1, 16 lists per free set. */
    SEED_1MB,
    /**
     * Later VirtualBox (2010 on), not seed 002 compiled with a larger chunk: 2 MB chunks of 512 pages, page ids
     * up to 0xFFFFFFF0 (chunk ids up to 0x7FFFFF), 33 lists per free set (a chunk with f free pages on list
     * f >> 4, so list 32 holds only wholly free chunks), and termination inverts the magic (0xE6ABFBEB) instead
     * of adding one. An implementation that knows only seed 002 declares {@link #SEED_1MB} alone.
     */
    CURRENT_2MB
}
