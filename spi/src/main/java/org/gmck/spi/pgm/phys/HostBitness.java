package org.gmck.spi.pgm.phys;

/** The width of the host kernel, which decides its per-page bookkeeping cost (seed 000). */
public enum HostBitness {
    BITS32,
    BITS64
}
