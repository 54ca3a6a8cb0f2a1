package org.gmck.spi.gmm;

/**
 * Which GMM an adapter implements. The edition fixes the chunk geometry, the page id limits and the free
 * set bucket rule; the kit's scenarios hold for each edition the adapter declares.
 */
public enum GmmEdition {
    /** Seed 002 (2007): 1 MB chunks of 256 pages, page ids up to 2^28 - 1, 16 lists per free set. */
    SEED_1MB,
    /** Later VirtualBox (2010 on): 2 MB chunks of 512 pages, page ids up to 0xFFFFFFF0, 33 lists per free set. */
    CURRENT_2MB
}
