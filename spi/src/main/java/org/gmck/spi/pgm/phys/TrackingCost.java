package org.gmck.spi.pgm.phys;

/**
 * What tracking a VM's guest RAM costs (seed 000, "Tracking Structures And Their Cost").
 *
 * @param perVmBytes  the per-VM per-page records (PGM's side)
 * @param kernelBytes the kernel's per-page cost (the global memory manager's per-page field plus the host
 *                    memory object's per-page entry), without the per-chunk overhead the seed marks "(+)"
 * @param chunkBytes  the per-chunk overhead, the seed's "(+)": the fixed cost of every allocation chunk the
 *                    RAM needs (see {@link ChunkOverhead}); 0 from an implementation that does not state it
 */
public record TrackingCost(long perVmBytes, long kernelBytes, long chunkBytes) {

    /** A cost without the per-chunk overhead, from an implementation that does not state it. */
    public TrackingCost(long perVmBytes, long kernelBytes) {
        this(perVmBytes, kernelBytes, 0);
    }

    /** The per-VM and per-page kernel costs together: the seed's figures, the "(+)" aside. */
    public long totalBytes() {
        return perVmBytes + kernelBytes;
    }

    /** Everything together, the per-chunk overhead included. */
    public long totalWithChunksBytes() {
        return perVmBytes + kernelBytes + chunkBytes;
    }
}
