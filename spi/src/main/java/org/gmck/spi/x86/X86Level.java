package org.gmck.spi.x86;

/** A level of the paging-structure hierarchy, top first. */
public enum X86Level {
    /** PML5 entry (5-level paging only). */
    PML5,
    /** PML4 entry. */
    PML4,
    /** Page-directory-pointer-table entry (in PAE paging: one of the four PDPTE registers). */
    PDPT,
    /** Page-directory entry. */
    PD,
    /** Page-table entry. */
    PT
}
