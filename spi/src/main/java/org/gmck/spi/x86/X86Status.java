package org.gmck.spi.x86;

import org.gmck.spi.common.Status;

/** Why an x86 MMU call was refused (bad input rather than an architectural fault). */
public enum X86Status implements Status {
    /** The CPU model is impossible: MAXPHYADDR outside 32..52, or a feature set that cannot exist. */
    INVALID_CPU_MODEL,
    /** The guest RAM size is not a positive multiple of 4 KiB within MAXPHYADDR. */
    INVALID_GUEST_RAM,
    /** A physical memory access lies outside guest RAM, or a walk had to read a paging entry outside it. */
    OUTSIDE_GUEST_RAM,
    /** A physical memory access is not naturally aligned. */
    MISALIGNED_PHYSICAL_ACCESS,
    /**
     * Control registers no CPU can hold at once: CR0.PG without CR0.PE, EFER.LMA other than
     * CR0.PG and EFER.LME, IA-32e mode without CR4.PAE.
     */
    INCONSISTENT_CONTROL_REGISTERS,
    /** A register sets a bit the kit does not model (for example CR4.PCIDE or CR0.CD). */
    UNMODELLED_REGISTER_BIT,
    /** A linear address wider than the mode allows (above 4 GiB outside IA-32e mode). */
    LINEAR_ADDRESS_TOO_WIDE,
    /** An access that cannot exist: an implicit supervisor access is a data access, never a fetch. */
    INVALID_ACCESS,
    /** An access before any control registers were loaded. */
    NO_REGISTERS_LOADED
}
