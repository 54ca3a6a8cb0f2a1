package org.gmck.spi.pgm.phys;

import org.gmck.spi.common.Status;

/** Why a guest-physical-memory call was refused, named after VirtualBox's status codes. */
public enum PhysStatus implements Status {
    /** An address or size is not page aligned, or a size is zero. */
    VERR_INVALID_PARAMETER,
    /** An access is not aligned to its width, or its width is not 1, 2, 4 or 8 bytes. */
    VERR_PGM_PHYS_MISALIGNED_ACCESS,
    /** A guest physical address lies in no registered range. */
    VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS,
    /** A new range overlaps a registered one. */
    VERR_PGM_RAM_CONFLICT,
    /** A page that is not memory (MMIO or RESERVED) was used as memory. */
    VERR_PGM_PHYS_PAGE_RESERVED,
    /** The operation needs a RAM page and the page is of another type. */
    VERR_PGM_PHYS_NOT_RAM,
    /** The operation needs a page in another state (for example sharing a page that is not normal). */
    VERR_PGM_PHYS_INVALID_PAGE_STATE,
    /** The host has no page left to give (the allocation on write failed). */
    VERR_EM_NO_MEMORY,
    /** A value does not fit the field that must hold it (a host page above what a record layout can hold). */
    VERR_OUT_OF_RANGE,
    /**
     * The implementation cannot hold the tracking records a new range needs (one per page): the range, with
     * the ranges already registered, has more pages than it can track. Nothing is registered.
     */
    VERR_NO_MEMORY
}
