package org.gmck.spi.largepage;

import org.gmck.spi.common.Status;

/** Why a large-page call was refused. KVM itself answers most of these with -EINVAL or -EEXIST. */
public enum LargePageStatus implements Status {
    /** A memory slot of size zero or less. */
    SLOT_EMPTY,
    /** A slot's guest base, size or host base is not 4 KB aligned, or a large-page slot's host base is not 2 MB aligned. */
    SLOT_MISALIGNED,
    /** A slot's guest range overlaps an existing slot. */
    SLOT_OVERLAP,
    /**
     * A slot's guest range starts below 0 or ends above the 52-bit guest-physical address space, or its host
     * range starts below 0 or ends past the largest host address a {@code long} holds.
     */
    SLOT_OUT_OF_RANGE,
    /**
     * A slot, valid in itself, has more 2 MB frames than the implementation can keep write-protect counters
     * for; nothing is added.
     */
    SLOT_TOO_LARGE,
    /** The guest-physical address, or part of the frame asked for, lies in no memory slot. */
    NO_SLOT,
    /** Unshadowing a page that has no shadow left. */
    PAGE_NOT_SHADOWED,
    /** Unshadowing would take a frame's write-protect counter below "no page write-protected". */
    WRITE_PROTECT_COUNT_UNDERFLOW,
    /** A large guest mapping whose guest-virtual or guest-physical address is not 2 MB aligned. */
    MISALIGNED_LARGE_MAPPING,
    /** A shadow-paging call on a nested-paging MMU or the other way round. */
    WRONG_PAGING_MODE
}
