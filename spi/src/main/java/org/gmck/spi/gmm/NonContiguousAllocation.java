package org.gmck.spi.gmm;

/**
 * What the host answers when the GMM, initialising, tries to allocate a small block of physically
 * non-contiguous memory (RTR0MemObjAllocPhysNC in seed 002's GMMR0Init). The GMM decides from the answer
 * whether it can take chunks from the host itself or must run in legacy mode.
 */
public enum NonContiguousAllocation {
    /** The host allocates physically non-contiguous memory: chunks can come from the host. */
    WORKS,
    /** The host does not offer such allocations at all: the GMM runs in legacy mode. */
    NOT_SUPPORTED,
    /** The host offers them but this attempt failed for another reason (out of memory, say): not legacy mode. */
    FAILED
}
