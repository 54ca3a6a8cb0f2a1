package org.gmck.spi.x86;

/** The paging modes of Intel SDM Vol. 3A, 4.1.1, plus paging switched off. */
public enum X86PagingMode {
    /** CR0.PG=0: linear addresses are physical addresses. */
    NONE,
    /** 32-bit paging: CR0.PG=1, CR4.PAE=0. */
    BITS32,
    /** PAE paging: CR0.PG=1, CR4.PAE=1, EFER.LMA=0. */
    PAE,
    /** 4-level paging: CR0.PG=1, CR4.PAE=1, EFER.LMA=1, CR4.LA57=0. */
    LEVEL4,
    /** 5-level paging: CR0.PG=1, CR4.PAE=1, EFER.LMA=1, CR4.LA57=1. */
    LEVEL5
}
