package org.gmck.spi.pgm;

import java.util.List;
import org.gmck.spi.x86.X86Level;
import org.gmck.spi.x86.X86PagingMode;

/**
 * The guest's paging mode as PGM sees it, derived from CR0, CR4 and EFER (VirtualBox's {@code PGMMODE}).
 * {@link #INVALID} ({@code PGMMODE_INVALID}) is not a mode; an adapter must reject it.
 */
public enum GuestMode {
    INVALID,
    /** CR0.PE and CR0.PG clear. */
    REAL,
    /** CR0.PE set, paging off. */
    PROTECTED,
    /** Paging on, CR4.PAE clear. */
    BITS32,
    /** Paging on, CR4.PAE set, EFER.LME clear, EFER.NXE clear. */
    PAE,
    /** As {@link #PAE} with EFER.NXE set. */
    PAE_NX,
    /** Paging on, CR4.PAE set, EFER.LME set (long mode active), EFER.NXE clear. */
    AMD64,
    /** As {@link #AMD64} with EFER.NXE set. */
    AMD64_NX;

    /** True for the modes with paging enabled. */
    public boolean paging() {
        return this == BITS32 || this == PAE || this == PAE_NX || this == AMD64 || this == AMD64_NX;
    }

    /** True for the long-mode (AMD64) modes. */
    public boolean longMode() {
        return this == AMD64 || this == AMD64_NX;
    }

    /** The x86 paging mode the guest walks in ({@link X86PagingMode#NONE} without paging or for {@link #INVALID}). */
    public X86PagingMode x86Mode() {
        return switch (this) {
            case BITS32 -> X86PagingMode.BITS32;
            case PAE, PAE_NX -> X86PagingMode.PAE;
            case AMD64, AMD64_NX -> X86PagingMode.LEVEL4;
            case INVALID, REAL, PROTECTED -> X86PagingMode.NONE;
        };
    }

    /** The levels of the guest's paging structures, top first (none without paging). */
    public List<X86Level> levels() {
        return x86Mode().levels();
    }

    /** True for legacy (not long-mode) PAE. */
    public boolean legacyPae() {
        return this == PAE || this == PAE_NX;
    }
}
