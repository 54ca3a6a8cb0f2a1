package org.gmck.reference.x86;

/** What a bit range of a paging-structure entry is (the column of a bit-layout table). */
enum BitRole {
    /** A flag with a meaning (P, R/W, U/S, PWT, PCD, A, D, PS, G, PAT). */
    FLAG,
    /** Ignored by the processor; software may use it. */
    IGNORED,
    /** Physical-address bits: the ones at or above MAXPHYADDR are reserved. */
    ADDRESS,
    /** Reserved: must be 0 in a present entry. */
    RESERVED,
    /** Execute-disable: reserved while EFER.NXE=0. */
    EXECUTE_DISABLE,
    /** The PSE-36 field of a 4 MiB PDE: address bits 32 and up, the rest reserved (4.3, Table 4-4). */
    PSE36_ADDRESS,
    /** Protection key of a leaf (bits 62:59); ignored when no keys are enabled. */
    PROTECTION_KEY
}
