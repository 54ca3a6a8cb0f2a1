package org.gmck.spi.gmm;

import java.util.List;

/**
 * What cleaning up a VM did.
 *
 * @param freedPrivatePages the VM's private pages put back on their chunks' free LIFOs
 * @param repairs           chunks with bogus statistics, reported and repaired
 * @param releasedChunks    ids of the chunks given back to the host
 * @param lastVm            whether this was the last VM, so that everything was flushed
 */
public record CleanupReport(
        long freedPrivatePages, List<ChunkRepair> repairs, List<Long> releasedChunks, boolean lastVm) {
    public CleanupReport {
        repairs = List.copyOf(repairs);
        releasedChunks = List.copyOf(releasedChunks);
    }
}
