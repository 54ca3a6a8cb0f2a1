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

    VmData(int handle) {
        this.handle = handle;
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

    /** Leaves the data INVALID: counters zero, policy and priority INVALID. */
    void invalidate() {
        policy = OcPolicy.INVALID;
        priority = Priority.INVALID;
        java.util.Arrays.fill(reserved, 0);
        java.util.Arrays.fill(allocated, 0);
        privatePages = 0;
        sharedPages = 0;
        cleanedUp = true;
        chunks.clear();
        sharedRefs.clear();
    }

    VmInfo describe() {
        return new VmInfo(policy, priority, reserved[0], reserved[1], reserved[2], allocated[0], allocated[1],
                allocated[2], privatePages, sharedPages);
    }
}
