package org.gmck.spi.pgm.phys;

/**
 * What tracking a VM's guest RAM costs (seed 000, "Tracking Structures And Their Cost").
 *
 * @param perVmBytes  the per-VM per-page records (PGM's side)
 * @param kernelBytes the kernel's per-page cost (the global memory manager's per-page field plus the host
 *                    memory object's per-page entry), without the per-chunk overhead the seed marks "(+)"
 */
public record TrackingCost(long perVmBytes, long kernelBytes) {

    /** The two together. */
    public long totalBytes() {
        return perVmBytes + kernelBytes;
    }
}
