package org.gmck.spi.pgm;

/**
 * The three basic paging modes (seed 001, "Paging Modes"). The host paging mode is set by the host
 * operating system; the shadow paging mode is chosen by PGM from the host mode and the guest mode.
 *
 * <p>{@link #INVALID} stands for a value that is not a paging mode (VirtualBox's
 * {@code SUPPAGINGMODE_INVALID}); an adapter must reject it.
 */
public enum PagingMode {
    INVALID,
    /** Two-level 32-bit paging. */
    BIT32,
    /** Legacy PAE paging: a four-entry PDPT, then page directories and tables of 8-byte entries. */
    PAE,
    /** Long-mode (AMD64) paging: PML4, PDPT, PD, PT. */
    AMD64
}
