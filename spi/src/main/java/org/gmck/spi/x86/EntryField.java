package org.gmck.spi.x86;

/**
 * The multi-bit fields of paging-structure entries and of CR3 that hold an address or a key, per entry
 * format (Intel SDM Vol. 3A, Tables 4-3 to 4-20), with their masks. An address field's mask keeps the
 * address bits in place, so {@code entry & field.mask()} is the address (bits at or above MAXPHYADDR
 * are reserved and left to the reader to refuse).
 */
public enum EntryField {
    /** 32-bit paging: the page-table address of a PDE, the frame of a PTE, the page directory in CR3 (31:12). */
    ADDRESS_32(31, 12),
    /** 32-bit paging: the frame of a 4 MiB page (31:22). */
    FRAME_4M(31, 22),
    /** 32-bit paging: physical-address bits 39:32 of a 4 MiB page under PSE-36 (20:13). */
    PSE36_HIGH(20, 13),
    /** PAE paging: the PDPT address in CR3 (31:5), 32-byte aligned. */
    PAE_PDPT_IN_CR3(31, 5),
    /**
     * PAE, 4-level and 5-level paging: the next-table address of a non-leaf entry, the frame of a PTE, and
     * the top-level table in an IA-32e CR3 (51:12).
     */
    ADDRESS_64(51, 12),
    /** PAE, 4-level and 5-level paging: the frame of a 2 MiB page (51:21). */
    FRAME_2M(51, 21),
    /** 4-level and 5-level paging: the frame of a 1 GiB page (51:30). */
    FRAME_1G(51, 30),
    /** 4-level and 5-level paging: the protection key of a leaf (62:59). */
    PROTECTION_KEY(62, 59);

    private final int high;
    private final int low;
    private final long mask;

    EntryField(int high, int low) {
        this.high = high;
        this.low = low;
        this.mask = (-1L >>> (63 - high)) & (-1L << low);
    }

    /** The highest bit of the field. */
    public int high() {
        return high;
    }

    /** The lowest bit of the field. */
    public int low() {
        return low;
    }

    /** The field's bits, in place. */
    public long mask() {
        return mask;
    }

    /** The field of a raw value, in place (an address field gives the address). */
    public long of(long value) {
        return value & mask;
    }

    /** The field of a raw value shifted down to bit 0 (a key field gives the key). */
    public long valueOf(long value) {
        return (value & mask) >>> low;
    }
}
