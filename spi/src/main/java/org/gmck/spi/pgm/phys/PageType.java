package org.gmck.spi.pgm.phys;

/**
 * What backs a guest physical page, in the order of the 3-bit type field of seed 000's final per-page
 * layout: {RESERVED, MMIO, MMIO2, ROM, shadowed ROM, RAM}.
 */
public enum PageType {
    /** Registered but backed by nothing; never usable as memory. */
    RESERVED,
    /** Device registers: accesses go to a device, never to RAM. */
    MMIO,
    /** Device memory that is backed by host pages like RAM (for example a frame buffer). */
    MMIO2,
    /** Read-only memory, backed from registration on. */
    ROM,
    /** ROM with a writable RAM shadow copy. */
    SHADOWED_ROM,
    /** Ordinary guest RAM. */
    RAM
}
