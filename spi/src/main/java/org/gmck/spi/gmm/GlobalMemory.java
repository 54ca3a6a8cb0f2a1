package org.gmck.spi.gmm;

import java.util.List;
import org.gmck.spi.common.Profile;
import org.gmck.spi.common.ProfileNotImplementedException;

/**
 * One global memory manager (profile {@code gmm}). Every refusal is a {@link org.gmck.spi.common.RejectedException}
 * with a {@link GmmStatus}, and a refused call changes nothing. After {@link #terminate()} every call is
 * refused with {@link GmmStatus#VERR_GMM_INSTANCE}. The manager is safe for many VMs calling at once.
 */
public interface GlobalMemory {

    /** The chunk geometry and id limits. */
    GmmGeometry geometry();

    /** Registers a VM and initialises its per-VM data (counters zero, policy TBD, priority NORMAL); returns its handle. */
    int createVm();

    /** The per-VM data of a VM, also after its cleanup (then INVALID). */
    VmInfo vm(int vm);

    /** The initial reservation; all counts must be positive, policy and priority valid, and it is made once. */
    void reserve(int vm, long base, long shadow, long fixed, OcPolicy policy, Priority priority);

    /** Replaces the reservation counts after the initial reservation. */
    void updateReservation(int vm, long base, long shadow, long fixed);

    /**
     * Allocates one private page per guest page frame number, all or nothing. A negative guest PFN means
     * "none" and is recorded with the value that marks no guest frame (0xFFFFFFF1 in later VirtualBox,
     * 0xFFFFFFFF with all bits set as in seed 000: the adapter declares which, as the reading
     * {@code gmm.unknown-guest-frame} of its parameters).
     */
    List<AllocatedPage> allocate(int vm, Account account, List<Long> guestPfns);

    /** Frees private pages of the VM, all or nothing. */
    void free(int vm, Account account, List<Long> pageIds);

    /** Turns a private BASE page of the VM into a shared page in a chunk dedicated to shared pages. */
    AllocatedPage share(int vm, long pageId);

    /** Takes one more reference to a shared page for the VM (a BASE page). */
    AllocatedPage useShared(int vm, long sharedPageId);

    /** Drops one of the VM's references to a shared page; the page is freed when its count reaches zero. */
    void releaseShared(int vm, long sharedPageId);

    /** Legacy mode: the VM hands over one chunk's worth of locked memory; returns the new chunk id. */
    long seedChunk(int vm);

    /** Cleans up a terminating VM. */
    CleanupReport cleanup(int vm);

    /** What the manager records about a page. */
    PageInfo page(long pageId);

    /** What the manager records about a chunk. */
    ChunkInfo chunk(long chunkId);

    /** The ids of all chunks, ascending. */
    List<Long> chunkIds();

    /** Global counters. */
    GmmStatistics statistics();

    /** Terminates the manager; returns the chunks that were not completely free. */
    List<ChunkInfo> terminate();

    /** The internals (profile {@code gmm-introspection}). */
    default GmmIntrospection introspection() {
        throw new ProfileNotImplementedException(Profile.GMM_INTROSPECTION);
    }
}
