package org.gmck.spi.pgm.context;

import org.gmck.spi.common.Status;

/** Why a memory-context call was refused, named after VirtualBox's status codes. */
public enum ContextStatus implements Status {
    /** An address or size that is not page aligned, a zero size, or a name that is empty. */
    VERR_INVALID_PARAMETER,
    /** The new location overlaps something the intermediate context already maps. */
    VERR_PGM_MAPPING_CONFLICT,
    /**
     * A guest-context mapping, or the switcher's identity mapping, that would reach 4 GB or beyond; or a
     * switcher host or hypervisor mapping that leaves the canonical half of the 48-bit address space it starts
     * in (wrapping past 2^64 included), which no table of the context could hold without aliasing another.
     */
    VERR_OUT_OF_RANGE,
    /** No guest-context mapping of that name. */
    VERR_NOT_FOUND,
    /** A guest-context mapping of that name exists already. */
    VERR_ALREADY_EXISTS
}
