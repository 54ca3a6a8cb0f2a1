package org.gmck.reference.monitor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.monitor.MonitorStatus;

/**
 * The host pages the monitor serves guest memory from, taken in the order the host gave them: there is no
 * relation between a guest page number and the host page that serves it.
 */
final class PageArray {

    private final Deque<Long> free = new ArrayDeque<>();

    /** Host physical addresses are at most 52 bits wide (interpretation I-MON-5). */
    private static final int PHYSICAL_ADDRESS_BITS = 52;

    PageArray(List<Long> hostPages) {
        // No array at all is refused as an empty one is.
        if (Objects.requireNonNullElse(hostPages, List.<Long>of()).isEmpty()) {
            throw new RejectedException(MonitorStatus.NO_HOST_PAGES, "the host gave the monitor no pages");
        }
        Set<Long> seen = new HashSet<>();
        for (Long page : hostPages) {
            if (page == null || (page & 0xFFF) != 0 || page >>> PHYSICAL_ADDRESS_BITS != 0 || !seen.add(page)) {
                throw new RejectedException(
                        MonitorStatus.INVALID_HOST_PAGE,
                        String.format(
                                "host page %s is missing, misaligned, beyond any physical address or given twice",
                                page));
            }
        }
        free.addAll(hostPages);
    }

    boolean isEmpty() {
        return free.isEmpty();
    }

    /** The next free page, in the host's order. */
    long take() {
        return free.removeFirst();
    }

    /** A page given back to the host; the host may hand it out again later. */
    void giveBack(long page) {
        free.addLast(page);
    }
}
