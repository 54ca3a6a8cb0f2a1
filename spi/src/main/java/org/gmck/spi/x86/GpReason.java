package org.gmck.spi.x86;

/** Why a #GP(0) was raised. */
public enum GpReason {
    /** A linear address is not canonical in IA-32e mode (Intel SDM Vol. 3A, 4.5.4). */
    NON_CANONICAL_ADDRESS,
    /** A present PAE PDPTE has a reserved bit set when the PDPTE registers are loaded (4.4.1). */
    BAD_PDPTE,
    /** A register value sets a bit that is reserved on this CPU model (feature absent, CR3 above MAXPHYADDR). */
    RESERVED_REGISTER_BIT,
    /** CR4.LA57 changed while the processor stays in IA-32e mode. */
    LA57_CHANGE_IN_IA32E_MODE
}
