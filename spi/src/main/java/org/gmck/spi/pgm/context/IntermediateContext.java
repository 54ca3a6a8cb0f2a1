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
 * <p>Refusals are {@link org.gmck.spi.RejectedException}s with a {@link ContextStatus} and change nothing.
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
     * @throws org.gmck.spi.RejectedException {@link ContextStatus#VERR_PGM_MAPPING_CONFLICT},
     *         {@link ContextStatus#VERR_OUT_OF_RANGE}, {@link ContextStatus#VERR_INVALID_PARAMETER},
     *         {@link ContextStatus#VERR_ALREADY_EXISTS}
     */
    void mapGuestContext(String name, long address, long size, long physAddress);

    /**
     * Moves a guest-context mapping to {@code newAddress}, checked against the intermediate context.
     *
     * @throws org.gmck.spi.RejectedException {@link ContextStatus#VERR_PGM_MAPPING_CONFLICT},
     *         {@link ContextStatus#VERR_OUT_OF_RANGE}, {@link ContextStatus#VERR_INVALID_PARAMETER},
     *         {@link ContextStatus#VERR_NOT_FOUND}
     */
    void relocateGuestContext(String name, long newAddress);

    /** The address of a guest-context mapping, if it exists. */
    Optional<Long> guestContextAddress(String name);
}
