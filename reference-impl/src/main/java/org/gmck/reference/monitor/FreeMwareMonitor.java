package org.gmck.reference.monitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.monitor.FaultRoute;
import org.gmck.spi.monitor.Monitor;
import org.gmck.spi.monitor.MonitorEntry;
import org.gmck.spi.monitor.MonitorEvent;
import org.gmck.spi.monitor.MonitorStatus;

/**
 * The FreeMWare monitor of seed 003. The guest's page tables map linear pages to guest pages; the monitor
 * tables map the same linear pages to the host pages that serve those guest pages now, with the guest's
 * rights. A host page is locked for as long as a guest page it serves is resident, and resident guest
 * pages are the only ones the monitor tables map.
 */
final class FreeMwareMonitor implements Monitor {

    private static final long PAGE_MASK = 0xFFF;

    private final GuestFrames frames;
    private final PageArray array;
    /** The guest's tables: linear page to {guest page, writable, user}. */
    private final Map<Long, long[]> guestTables = new HashMap<>();
    /** The monitor's tables: linear page to the guest page it is mapped for. */
    private final Map<Long, Integer> monitorTables = new HashMap<>();

    private final TreeSet<Long> locked = new TreeSet<>();
    private final List<MonitorEvent> events = new ArrayList<>();
    private List<Long> gdt = DescriptorMirror.gdt(List.of());
    private int guestGdtSize;
    private List<Long> ldt = List.of();

    FreeMwareMonitor(int guestPages, List<Long> hostPageArray) {
        if (guestPages <= 0) {
            throw new RejectedException(MonitorStatus.NO_HOST_PAGES, "a guest needs at least one page");
        }
        this.array = new PageArray(hostPageArray);
        this.frames = new GuestFrames(guestPages);
    }

    @Override
    public int guestPages() {
        return frames.size();
    }

    @Override
    public void guestMap(long linear, long guestPage, boolean writable, boolean user) {
        checkAligned(linear);
        if (guestPage < 0 || guestPage >= frames.size()) {
            throw new RejectedException(
                    MonitorStatus.INVALID_GUEST_PAGE,
                    String.format("guest page %d is outside the guest's %d pages", guestPage, frames.size()));
        }
        long[] old = guestTables.put(linear, new long[] {guestPage, writable ? 1 : 0, user ? 1 : 0});
        if (old != null && old[0] == guestPage) {
            // Only the rights changed: the page stays mapped, and its monitor entry, if any, takes its rights
            // from the guest's entry. Going through an unmap here would give a page mapped only here back.
            return;
        }
        frames.addMapping((int) guestPage);
        if (old != null) {
            int oldPfn = (int) old[0];
            unmapMonitor(linear);
            if (frames.removeMapping(oldPfn) == 0 && frames.hostPage(oldPfn) != GuestFrames.NONE) {
                release(oldPfn);
            }
        }
        if (frames.hostPage((int) guestPage) != GuestFrames.NONE) {
            mapMonitor(linear, (int) guestPage);
        }
    }

    @Override
    public void guestUnmap(long linear) {
        checkAligned(linear);
        long[] g = guestTables.remove(linear);
        if (g == null) {
            throw new RejectedException(MonitorStatus.NOT_MAPPED, String.format("the guest does not map %#x", linear));
        }
        int pfn = (int) g[0];
        unmapMonitor(linear);
        if (frames.removeMapping(pfn) == 0 && frames.hostPage(pfn) != GuestFrames.NONE) {
            release(pfn);
        }
    }

    @Override
    public void guestLoadPdbr() {
        // Every trapped guest write and every eviction keeps the monitor tables a subset of the guest's, so
        // rebuilding them only adds the linear pages of resident guest pages not yet entered.
        for (Map.Entry<Long, long[]> e : guestTables.entrySet()) {
            int pfn = (int) e.getValue()[0];
            if (frames.hostPage(pfn) != GuestFrames.NONE) {
                mapMonitor(e.getKey(), pfn);
            }
        }
    }

    @Override
    public FaultRoute access(long linear, boolean write, boolean user) {
        long page = linear & ~PAGE_MASK;
        long[] g = guestTables.get(page);
        if (g == null || write && g[1] == 0 || user && g[2] == 0) {
            return FaultRoute.GUEST_FAULT;
        }
        int pfn = (int) g[0];
        if (monitorTables.containsKey(page)) {
            frames.touch(pfn);
            return FaultRoute.RAN;
        }
        if (frames.hostPage(pfn) == GuestFrames.NONE) {
            pageIn(pfn);
        }
        mapMonitor(page, pfn);
        frames.touch(pfn);
        return FaultRoute.HOST_FAULT;
    }

    @Override
    public Optional<MonitorEntry> monitorEntry(long linear) {
        long page = linear & ~PAGE_MASK;
        if (!monitorTables.containsKey(page)) {
            return Optional.empty();
        }
        long[] g = guestTables.get(page);
        return Optional.of(new MonitorEntry(frames.hostPage((int) g[0]), g[1] != 0, g[2] != 0));
    }

    @Override
    public Optional<Long> hostPageOf(long guestPage) {
        long host = frames.hostPage(guestPage);
        return host == GuestFrames.NONE ? Optional.empty() : Optional.of(host);
    }

    @Override
    public List<Long> lockedHostPages() {
        return List.copyOf(locked);
    }

    @Override
    public List<Long> mappedHostPages() {
        TreeSet<Long> mapped = new TreeSet<>();
        for (int pfn : monitorTables.values()) {
            mapped.add(frames.hostPage(pfn));
        }
        return List.copyOf(mapped);
    }

    @Override
    public int hostMemoryPressure(int pages) {
        if (pages < 0) {
            throw new RejectedException(MonitorStatus.INVALID_PRESSURE, "the host cannot want " + pages + " pages");
        }
        int given = 0;
        while (given < pages && evictOne()) {
            given++;
        }
        return given;
    }

    @Override
    public List<MonitorEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public void guestLoadGdt(List<Long> descriptors) {
        gdt = DescriptorMirror.gdt(descriptors);
        guestGdtSize = descriptors.size();
        ldt = List.of();
    }

    @Override
    public void guestLoadLdt(List<Long> descriptors) {
        ldt = DescriptorMirror.ldt(descriptors, guestGdtSize);
    }

    @Override
    public List<Long> monitorGdt() {
        return List.copyOf(gdt);
    }

    @Override
    public List<Long> monitorLdt() {
        return List.copyOf(ldt);
    }

    /** The host page fault: the host supplies a page (taking the least recently used one back if needed). */
    private void pageIn(int pfn) {
        if (array.isEmpty()) {
            evictOne();
        }
        long host = array.take();
        frames.pageIn(pfn, host);
        locked.add(host);
        events.add(new MonitorEvent(MonitorEvent.Kind.LOCKED, pfn, host));
    }

    private boolean evictOne() {
        int pfn = frames.leastRecentlyUsed();
        if (pfn < 0) {
            return false;
        }
        for (Map.Entry<Long, Integer> e : new ArrayList<>(monitorTables.entrySet())) {
            if (e.getValue() == pfn) {
                unmapMonitor(e.getKey());
            }
        }
        release(pfn);
        return true;
    }

    /** Unlocks a guest page's host page and gives it back; the monitor tables no longer map it. */
    private void release(int pfn) {
        long host = frames.pageOut(pfn);
        locked.remove(host);
        array.giveBack(host);
        events.add(new MonitorEvent(MonitorEvent.Kind.UNLOCKED, pfn, host));
    }

    private void mapMonitor(long linear, int pfn) {
        boolean first = !monitorTables.containsValue(pfn);
        monitorTables.put(linear, pfn);
        if (first) {
            events.add(new MonitorEvent(MonitorEvent.Kind.MAPPED, pfn, frames.hostPage(pfn)));
        }
    }

    private void unmapMonitor(long linear) {
        Integer pfn = monitorTables.remove(linear);
        if (pfn != null && !monitorTables.containsValue(pfn)) {
            events.add(new MonitorEvent(MonitorEvent.Kind.UNMAPPED, pfn, frames.hostPage(pfn)));
        }
    }

    private static void checkAligned(long linear) {
        if ((linear & PAGE_MASK) != 0) {
            throw new RejectedException(
                    MonitorStatus.MISALIGNED_ADDRESS, String.format("%#x is not the start of a page", linear));
        }
    }
}
