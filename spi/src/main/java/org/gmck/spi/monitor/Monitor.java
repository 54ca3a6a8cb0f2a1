package org.gmck.spi.monitor;

import java.util.List;
import java.util.Optional;

/**
 * The FreeMWare monitor of seed 003 for one guest: guest physical pages served by host pages from the
 * monitor's page array, monitor page tables built from the guest's, monitor descriptor tables built from
 * the guest's, page faults routed between host and guest, and host pages locked while mapped and given
 * back under host memory pressure.
 *
 * <p>The guest's page-table writes are calls here ({@link #guestMap}, {@link #guestUnmap}): the guest's
 * tables are write-protected, so every such write traps to the monitor. Refusals are
 * {@link org.gmck.spi.common.RejectedException}s with a {@link MonitorStatus} and change nothing.
 */
public interface Monitor {

    /** The guest's physical memory size in pages. */
    int guestPages();

    /**
     * The guest writes an entry into its page tables mapping the page at {@code linear} to guest page
     * {@code guestPage}; the write traps and the monitor tables are brought in step.
     *
     * @throws org.gmck.spi.common.RejectedException {@link MonitorStatus#MISALIGNED_ADDRESS},
     *                                        {@link MonitorStatus#INVALID_GUEST_PAGE}
     */
    void guestMap(long linear, long guestPage, boolean writable, boolean user);

    /**
     * The guest clears its entry for the page at {@code linear}; the write traps, the monitor entry goes,
     * and a guest page no longer mapped anywhere is unlocked and given back to the host.
     *
     * @throws org.gmck.spi.common.RejectedException {@link MonitorStatus#MISALIGNED_ADDRESS},
     *                                        {@link MonitorStatus#NOT_MAPPED}
     */
    void guestUnmap(long linear);

    /** The guest loads its page-directory base register: the monitor tables are rebuilt from the guest's. */
    void guestLoadPdbr();

    /** One guest access; see {@link FaultRoute}. */
    FaultRoute access(long linear, boolean write, boolean user);

    /** The monitor table entry for the page at {@code linear}, if present. */
    Optional<MonitorEntry> monitorEntry(long linear);

    /** The host page serving guest page {@code guestPage} now, if it has one. */
    Optional<Long> hostPageOf(long guestPage);

    /** The host pages locked now, ascending. */
    List<Long> lockedHostPages();

    /** The host pages mapped by the monitor tables now, ascending. */
    List<Long> mappedHostPages();

    /**
     * The host needs {@code pages} pages back: the monitor picks the least recently used guest pages it
     * holds, takes each out of the monitor tables and only then unlocks it and gives it back.
     *
     * @return how many pages it gave back (fewer when it holds fewer)
     * @throws org.gmck.spi.common.RejectedException {@link MonitorStatus#INVALID_PRESSURE}
     */
    int hostMemoryPressure(int pages);

    /** Everything the monitor did with host pages so far, in order. */
    List<MonitorEvent> events();

    /**
     * The guest loads a global descriptor table of raw 8-byte descriptors; the monitor builds its own.
     *
     * @throws org.gmck.spi.common.RejectedException {@link MonitorStatus#TOO_MANY_DESCRIPTORS}
     */
    void guestLoadGdt(List<Long> descriptors);

    /** The guest loads a local descriptor table; refused like {@link #guestLoadGdt}. */
    void guestLoadLdt(List<Long> descriptors);

    /** The monitor's GDT: the guest's descriptors in their slots, as the monitor runs them, then its own entries. */
    List<Long> monitorGdt();

    /** The monitor's LDT: the guest's LDT descriptors as the monitor runs them. */
    List<Long> monitorLdt();
}
