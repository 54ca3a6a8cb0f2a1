package org.gmck.reference.gmm;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.OcPolicy;
import org.gmck.spi.gmm.Priority;
import org.gmck.spi.gmm.VmInfo;

/**
 * The GMM's per-VM data, plus an index of the chunks the VM touched and of its shared references, so that
 * cleaning up costs the VM's own pages rather than the whole pool.
 */
final class VmData {

    final int handle;
    OcPolicy policy = OcPolicy.TBD;
    Priority priority = Priority.NORMAL;
    final long[] reserved = new long[Account.values().length];
    final long[] allocated = new long[Account.values().length];
    long privatePages;
    long sharedPages;
    boolean cleanedUp;
    final Set<Long> chunks = new LinkedHashSet<>();
    final Map<Long, Long> sharedRefs = new HashMap<>();
    /** The chunk last recorded in {@link #chunks} (NIL at first), so that a run of pages from one chunk looks once. */
    private long lastTouched = ChunkGeometry.NIL_ID;

    VmData(int handle) {
        this.handle = handle;
    }

    /** Records that the VM has pages in the chunk, in the order the VM first touched its chunks. */
    void touched(long chunkId) {
        if (chunkId != lastTouched) {
            chunks.add(chunkId);
            lastTouched = chunkId;
        }
    }

    boolean hasReservation() {
        return reserved[Account.BASE.ordinal()] != 0;
    }

    long reservedTotal() {
        long total = 0;
        for (long r : reserved) {
            total += r;
        }
        return total;
    }

    /**
     * The data a cleaned-up VM leaves behind: policy and priority INVALID, every counter zero, and no index of
     * chunks or shared references left to keep.
     */
    static VmData cleanedUp(int handle) {
        VmData data = new VmData(handle);
        data.policy = OcPolicy.INVALID;
        data.priority = Priority.INVALID;
        data.cleanedUp = true;
        return data;
    }

    VmInfo describe() {
        return new VmInfo(
                policy,
                priority,
                reserved[0],
                reserved[1],
                reserved[2],
                allocated[0],
                allocated[1],
                allocated[2],
                privatePages,
                sharedPages);
    }
}
