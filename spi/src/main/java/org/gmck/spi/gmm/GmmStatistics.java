package org.gmck.spi.gmm;

/**
 * Global counters of a GMM instance.
 *
 * @param chunks                chunks held from the host
 * @param allocatedPages        pages in use (private pages plus shared pages, each shared page once)
 * @param sharedPages           shared pages
 * @param duplicatePages        shared references beyond the first of each shared page
 * @param freePages             free pages over all chunks
 * @param reservedPages         pages reserved by all VMs
 * @param registeredVms         VMs with a valid reservation
 * @param leftBehindSharedPages shared references left behind by cleaned-up VMs
 */
public record GmmStatistics(
        long chunks,
        long allocatedPages,
        long sharedPages,
        long duplicatePages,
        long freePages,
        long reservedPages,
        long registeredVms,
        long leftBehindSharedPages) {}
