package org.gmck.spi.x86;

import java.util.List;

/** The paging modes of Intel SDM Vol. 3A, 4.1.1, plus paging switched off. */
public enum X86PagingMode {
    /** CR0.PG=0: linear addresses are physical addresses. */
    NONE(List.of()),
    /** 32-bit paging: CR0.PG=1, CR4.PAE=0. */
    BITS32(List.of(X86Level.PD, X86Level.PT)),
    /** PAE paging: CR0.PG=1, CR4.PAE=1, EFER.LMA=0. */
    PAE(List.of(X86Level.PDPT, X86Level.PD, X86Level.PT)),
    /** 4-level paging: CR0.PG=1, CR4.PAE=1, EFER.LMA=1, CR4.LA57=0. */
    LEVEL4(List.of(X86Level.PML4, X86Level.PDPT, X86Level.PD, X86Level.PT)),
    /** 5-level paging: CR0.PG=1, CR4.PAE=1, EFER.LMA=1, CR4.LA57=1. */
    LEVEL5(List.of(X86Level.PML5, X86Level.PML4, X86Level.PDPT, X86Level.PD, X86Level.PT));

    private final List<X86Level> levels;

    X86PagingMode(List<X86Level> levels) {
        this.levels = levels;
    }

    /** The levels a walk in this mode goes through, top first (empty without paging). */
    public List<X86Level> levels() {
        return levels;
    }

    /** The size in bytes of one paging-structure entry: 4 in 32-bit paging, 8 in the others. */
    public int entryBytes() {
        return this == BITS32 ? 4 : 8;
    }

    /** Whether the mode is IA-32e paging (4-level or 5-level), with 64-bit linear addresses. */
    public boolean ia32e() {
        return this == LEVEL4 || this == LEVEL5;
    }
}
