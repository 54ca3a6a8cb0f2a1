package org.gmck.spi.pgm;

import org.gmck.spi.x86.ControlRegisters;

/**
 * PGM's paging-mode rules (profile {@code pgm-modes}). All methods but {@link #newShadowContext} are pure.
 * Every refusal is a {@link org.gmck.spi.common.RejectedException} with a {@link ModeStatus}.
 */
public interface PagingModes {

    /**
     * The guest mode that CR0.PE, CR0.PG, CR4.PAE, EFER.LME, EFER.LMA and EFER.NXE describe (CR3 is not read).
     *
     * @throws org.gmck.spi.common.RejectedException {@link ModeStatus#INCONSISTENT_CONTROL_REGISTERS}
     */
    GuestMode guestMode(ControlRegisters registers);

    /**
     * The shadow paging mode for a guest mode on a host mode (the 3-by-3 matrix of seed 001).
     *
     * @throws org.gmck.spi.common.RejectedException {@link ModeStatus#INVALID_MODE}
     */
    PagingMode shadowMode(PagingMode host, GuestMode guest);

    /**
     * Whether running this guest on this host needs the world switcher's special (slower) effort.
     *
     * @throws org.gmck.spi.common.RejectedException {@link ModeStatus#INVALID_MODE}
     */
    boolean switcherNeedsSpecialEffort(PagingMode host, GuestMode guest);

    /**
     * The CR3 value that puts a top-level table of the given paging mode at {@code tableAddress}, as PGM
     * loads it for its shadow and intermediate contexts.
     *
     * @throws org.gmck.spi.common.RejectedException {@link ModeStatus#MISALIGNED_CR3}, {@link ModeStatus#CR3_OUT_OF_RANGE},
     *                                        {@link ModeStatus#INVALID_MODE}
     */
    long cr3For(PagingMode mode, long tableAddress);

    /**
     * The address of the guest's top-level paging structure taken from a guest CR3 value in a guest mode.
     *
     * @throws org.gmck.spi.common.RejectedException {@link ModeStatus#NOT_IN_THIS_MODE} without paging,
     *                                        {@link ModeStatus#RESERVED_BITS_SET}, {@link ModeStatus#INVALID_MODE}
     */
    long guestTableAddress(GuestMode mode, long cr3);

    /**
     * Checks a guest page-directory-pointer entry against the must-be-zero bits of the guest mode and
     * returns it unchanged when it passes.
     *
     * @throws org.gmck.spi.common.RejectedException {@link ModeStatus#RESERVED_BITS_SET}, {@link ModeStatus#NOT_IN_THIS_MODE}
     *                                        for a mode without PDPEs, {@link ModeStatus#INVALID_MODE}
     */
    long checkGuestPdpe(GuestMode mode, long pdpe);

    /**
     * A new shadow context for a host paging mode, with the guest in real mode.
     *
     * @throws org.gmck.spi.common.RejectedException {@link ModeStatus#INVALID_MODE}
     */
    ShadowContext newShadowContext(PagingMode host);
}
