package org.gmck.spi.pgm;

import org.gmck.spi.common.Status;

/** Why a paging-mode call was refused. */
public enum ModeStatus implements Status {
    /** A mode argument is {@code INVALID} (not a paging mode). */
    INVALID_MODE,
    /** CR0, CR4 and EFER describe no mode a CPU can be in (for example PG set with PE clear). */
    INCONSISTENT_CONTROL_REGISTERS,
    /** A top-level table address is not aligned as the mode requires (32 bytes in legacy PAE, 4 KiB otherwise). */
    MISALIGNED_CR3,
    /** A top-level table address lies above what the mode can hold in CR3 (4 GiB outside long mode). */
    CR3_OUT_OF_RANGE,
    /** A value has bits set that the mode defines as must-be-zero. */
    RESERVED_BITS_SET,
    /** The mode has no structure of the kind asked about (for example no PDPT without PAE). */
    NOT_IN_THIS_MODE
}
