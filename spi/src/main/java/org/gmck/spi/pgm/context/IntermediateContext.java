package org.gmck.spi.pgm.context;

import java.util.List;
import java.util.Optional;
import org.gmck.spi.pgm.PagingMode;

/**
 * The intermediate memory context the world switch goes through (seed 001, "The Intermediate Memory
 * Context" and "Guest Context Mappings"): the switcher mapped at its host address, one to one, and at the
 * hypervisor address; every guest-context mapping present; page tables kept for the 32-bit, PAE and AMD64
 * modes at once, all of their memory below 4 GB.
 *
 * <p>Refusals are {@link org.gmck.spi.common.RejectedException}s with a {@link ContextStatus} and change nothing.
 */
public interface IntermediateContext {

    /** The physical address {@code linear} translates to in the context's tables of a paging mode, if mapped. */
    Optional<Long> translate(PagingMode mode, long linear);

    /** The paging modes the context keeps tables for. */
    List<PagingMode> modes();

    /** The physical addresses of every page of the context's paging structures, all modes together. */
    List<Long> tablePages();

    /**
     * Assigns a guest-context mapping: {@code size} bytes at {@code address} mapping physical memory from
     * {@code physAddress}; the intermediate context is consulted first.
     *
     * @throws org.gmck.spi.common.RejectedException {@link ContextStatus#VERR_PGM_MAPPING_CONFLICT},
     *         {@link ContextStatus#VERR_OUT_OF_RANGE}, {@link ContextStatus#VERR_INVALID_PARAMETER},
     *         {@link ContextStatus#VERR_ALREADY_EXISTS}
     */
    void mapGuestContext(String name, long address, long size, long physAddress);

    /**
     * Moves a guest-context mapping to {@code newAddress}, checked against the intermediate context.
     *
     * @throws org.gmck.spi.common.RejectedException {@link ContextStatus#VERR_PGM_MAPPING_CONFLICT},
     *         {@link ContextStatus#VERR_OUT_OF_RANGE}, {@link ContextStatus#VERR_INVALID_PARAMETER},
     *         {@link ContextStatus#VERR_NOT_FOUND}
     */
    void relocateGuestContext(String name, long newAddress);

    /** The address of a guest-context mapping, if it exists. */
    Optional<Long> guestContextAddress(String name);

    /**
     * Where a world switch from tables of paging mode {@code from} to tables of mode {@code to} (host to
     * shadow on the way into the guest, shadow to host on the way back) turns paging off: the linear address,
     * inside the switcher code, of the instruction that clears CR0.PG, which the context's {@code from}
     * tables translate and which, fetched with paging off and again once the {@code to} tables are on, must
     * name the same code (seed 001: the identity mapping "is for when the world switches that involves
     * disabling paging"). Empty when the switch keeps paging on throughout.
     *
     * <p>Implementations written before this method existed inherit a default that throws
     * {@link UnsupportedOperationException}, which fails the scenarios that ask.
     *
     * @throws org.gmck.spi.common.RejectedException {@link ContextStatus#VERR_INVALID_PARAMETER} for a mode that is
     *         not a paging mode
     */
    default Optional<Long> pagingOffAddress(PagingMode from, PagingMode to) {
        throw new UnsupportedOperationException("this intermediate context does not say how its world switch goes");
    }
}
