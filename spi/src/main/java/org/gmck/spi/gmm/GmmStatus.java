package org.gmck.spi.gmm;

import org.gmck.spi.common.Status;

/** Why a GMM call was refused, named after VirtualBox's status codes. */
public enum GmmStatus implements Status {
    /** A count, an account, a policy, a priority or a page id is out of its range (page ids above the last valid id). */
    VERR_INVALID_PARAMETER,
    /** A step taken out of order: allocating before the initial reservation, reserving twice, cleaning up twice. */
    VERR_WRONG_ORDER,
    /** The manager was terminated (its magic is no longer the GMM magic). */
    VERR_GMM_INSTANCE,
    /** The VM handle was never handed out, or belongs to a VM that was cleaned up. */
    VERR_INVALID_VM_HANDLE,
    /** The page id names no chunk, or the chunk has no such page. */
    VERR_GMM_PAGE_NOT_FOUND,
    /** The page is already free. */
    VERR_GMM_PAGE_ALREADY_FREE,
    /** The private page belongs to another VM, or the VM holds no reference to the shared page. */
    VERR_GMM_NOT_PAGE_OWNER,
    /** A shared page was handed to the private path. */
    VERR_GMM_PAGE_NOT_PRIVATE,
    /** A private or free page was handed to the shared path. */
    VERR_GMM_PAGE_NOT_SHARED,
    /** The VM's reservation for the account does not cover the request. */
    VERR_GMM_HIT_VM_ACCOUNT_LIMIT,
    /** The host memory limit does not cover the request. */
    VERR_GMM_HIT_GLOBAL_LIMIT,
    /** The VM frees more pages than it has allocated in the account. */
    VERR_GMM_ATTEMPT_TO_FREE_TOO_MUCH,
    /** The chunk id names no chunk. */
    VERR_GMM_CHUNK_NOT_FOUND,
    /** Legacy mode: the VM's own chunks do not have enough free pages; it must seed another chunk. */
    VERR_GMM_SEED_ME,
    /** The operation does not exist in this mode (sharing or seeding in the wrong mode). */
    VERR_NOT_SUPPORTED,
    /** A reservation under the no-over-commitment policy exceeds what the host can back. */
    VERR_GMM_MEMORY_RESERVATION_DECLINED,
    /** A value does not fit the field of a page layout. */
    VERR_OUT_OF_RANGE,
    /**
     * The implementation could not get the memory a request needs although the host memory limit covers
     * it (the host refused a chunk part-way); nothing was allocated.
     */
    VERR_NO_MEMORY
}
