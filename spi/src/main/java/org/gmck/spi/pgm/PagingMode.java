package org.gmck.spi.pgm;

import java.util.List;
import org.gmck.spi.x86.X86Level;
import org.gmck.spi.x86.X86PagingMode;

/**
 * The three basic paging modes (seed 001, "Paging Modes"). The host paging mode is set by the host
 * operating system; the shadow paging mode is chosen by PGM from the host mode and the guest mode.
 *
 * <p>{@link #INVALID} stands for a value that is not a paging mode (VirtualBox's
 * {@code SUPPAGINGMODE_INVALID}); an adapter must reject it.
 */
public enum PagingMode {
    INVALID(X86PagingMode.NONE),
    /** Two-level 32-bit paging. */
    BITS32(X86PagingMode.BITS32),
    /** Legacy PAE paging: a four-entry PDPT, then page directories and tables of 8-byte entries. */
    PAE(X86PagingMode.PAE),
    /** Long-mode (AMD64) paging: PML4, PDPT, PD, PT. */
    AMD64(X86PagingMode.LEVEL4);

    private final X86PagingMode x86Mode;

    PagingMode(X86PagingMode x86Mode) {
        this.x86Mode = x86Mode;
    }

    /** The x86 paging mode this is ({@link X86PagingMode#NONE} for {@link #INVALID}). */
    public X86PagingMode x86Mode() {
        return x86Mode;
    }

    /** The levels of the mode's paging structures, top first (none for {@link #INVALID}). */
    public List<X86Level> levels() {
        return x86Mode.levels();
    }
}
