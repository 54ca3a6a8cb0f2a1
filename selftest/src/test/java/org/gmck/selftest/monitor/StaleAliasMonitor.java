package org.gmck.selftest.monitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.gmck.spi.monitor.FaultRoute;
import org.gmck.spi.monitor.Monitor;
import org.gmck.spi.monitor.MonitorEntry;
import org.gmck.spi.monitor.MonitorEvent;

/**
 * A monitor whose eviction takes out only one monitor entry of a guest page, the one at the lowest linear
 * address, and leaves the page's other aliases mapped to the host page it gave back. Those stale entries
 * go only when the guest rewrites or drops its own entry for them, or reloads its page-directory base.
 * How the stale entries are reported is the subclass's.
 */
abstract class StaleAliasMonitor implements Monitor {

    final Monitor real;
    final GuestTables guest = new GuestTables();
    /** Linear page to the monitor entry eviction left behind. */
    final Map<Long, MonitorEntry> stale = new TreeMap<>();

    StaleAliasMonitor(Monitor real) {
        this.real = real;
    }

    /** The stale entry at {@code linear} as the faulty monitor reports it, if it reports one. */
    abstract Optional<MonitorEntry> report(long linear, MonitorEntry staleEntry);

    @Override
    public int guestPages() {
        return real.guestPages();
    }

    @Override
    public void guestMap(long linear, long guestPage, boolean writable, boolean user) {
        real.guestMap(linear, guestPage, writable, user);
        guest.map(linear, guestPage, writable, user);
        stale.remove(linear);
    }

    @Override
    public void guestUnmap(long linear) {
        real.guestUnmap(linear);
        guest.unmap(linear);
        stale.remove(linear);
    }

    @Override
    public void guestLoadPdbr() {
        real.guestLoadPdbr();
        stale.clear();
    }

    @Override
    public FaultRoute access(long linear, boolean write, boolean user) {
        long page = linear & ~0xFFFL;
        if (stale.containsKey(page)
                && guest.at(page).map(m -> m.allows(write, user)).orElse(false)) {
            return FaultRoute.RAN;
        }
        return evicting(() -> real.access(linear, write, user));
    }

    @Override
    public Optional<MonitorEntry> monitorEntry(long linear) {
        Optional<MonitorEntry> entry = real.monitorEntry(linear);
        MonitorEntry left = stale.get(linear & ~0xFFFL);
        return entry.isPresent() || left == null ? entry : report(linear & ~0xFFFL, left);
    }

    @Override
    public Optional<Long> hostPageOf(long guestPage) {
        return real.hostPageOf(guestPage);
    }

    @Override
    public List<Long> lockedHostPages() {
        return real.lockedHostPages();
    }

    @Override
    public List<Long> mappedHostPages() {
        TreeSet<Long> mapped = new TreeSet<>(real.mappedHostPages());
        stale.forEach((linear, entry) -> report(linear, entry).ifPresent(e -> mapped.add(e.hostPage())));
        return List.copyOf(mapped);
    }

    @Override
    public int hostMemoryPressure(int pages) {
        return evicting(() -> real.hostMemoryPressure(pages));
    }

    @Override
    public List<MonitorEvent> events() {
        return real.events();
    }

    @Override
    public void guestLoadGdt(List<Long> descriptors) {
        real.guestLoadGdt(descriptors);
    }

    @Override
    public void guestLoadLdt(List<Long> descriptors) {
        real.guestLoadLdt(descriptors);
    }

    @Override
    public List<Long> monitorGdt() {
        return real.monitorGdt();
    }

    @Override
    public List<Long> monitorLdt() {
        return real.monitorLdt();
    }

    /** Runs a call that may evict pages, and leaves all but the first alias of each evicted page mapped. */
    private <T> T evicting(Supplier<T> call) {
        Map<Long, MonitorEntry> before = new HashMap<>();
        for (Long linear : guest.all().keySet()) {
            real.monitorEntry(linear).ifPresent(e -> before.put(linear, e));
        }
        int from = real.events().size();
        T result = call.get();
        List<MonitorEvent> events = real.events();
        for (MonitorEvent e : events.subList(from, events.size())) {
            if (e.kind() != MonitorEvent.Kind.UNLOCKED) {
                continue;
            }
            List<Long> aliases = new ArrayList<>();
            guest.all().forEach((linear, mapping) -> {
                if (mapping.guestPage() == e.guestPage() && before.containsKey(linear)) {
                    aliases.add(linear);
                }
            });
            for (Long linear : aliases.subList(Math.min(1, aliases.size()), aliases.size())) {
                stale.put(linear, before.get(linear));
            }
        }
        return result;
    }
}
