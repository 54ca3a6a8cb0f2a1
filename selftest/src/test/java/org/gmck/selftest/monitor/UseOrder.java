package org.gmck.selftest.monitor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.gmck.spi.monitor.Monitor;
import org.gmck.spi.monitor.MonitorEvent;

/**
 * An order of use of guest pages that a faulty monitor keeps beside the real one, and the means to make the
 * real monitor give pages back in that order: reading each resident page once, least recent first, through a
 * linear page the monitor tables already map (an access that runs, changing nothing but the order of use).
 * A resident page the monitor tables map nowhere cannot be read that way and keeps its place.
 */
final class UseOrder {

    private final Monitor real;
    private final GuestTables guest;
    private final LinkedHashSet<Long> order = new LinkedHashSet<>();

    UseOrder(Monitor real, GuestTables guest) {
        this.real = real;
        this.guest = guest;
    }

    /** The guest used {@code guestPage} now. */
    void use(long guestPage) {
        order.remove(guestPage);
        order.add(guestPage);
    }

    /** Drops the pages the monitor no longer holds. */
    void forgetGivenBack() {
        order.removeIf(page -> real.hostPageOf(page).isEmpty());
    }

    /** The guest pages, least recently used first. */
    List<Long> pages() {
        forgetGivenBack();
        return new ArrayList<>(order);
    }

    /** Makes the real monitor's order of use this one. */
    void steer() {
        for (long page : pages()) {
            for (Map.Entry<Long, GuestTables.Mapping> e : guest.all().entrySet()) {
                if (e.getValue().guestPage() == page
                        && real.monitorEntry(e.getKey()).isPresent()) {
                    real.access(e.getKey(), false, false);
                    break;
                }
            }
        }
    }

    /** The guest pages the events from {@code from} on locked a host page for. */
    static List<Long> supplied(Monitor real, int from) {
        List<MonitorEvent> events = real.events();
        return events.subList(from, events.size()).stream()
                .filter(e -> e.kind() == MonitorEvent.Kind.LOCKED)
                .map(MonitorEvent::guestPage)
                .toList();
    }
}
