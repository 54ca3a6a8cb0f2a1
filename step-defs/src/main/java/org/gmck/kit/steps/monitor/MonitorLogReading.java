package org.gmck.kit.steps.monitor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.gmck.spi.monitor.MonitorEvent;

/**
 * Reads the monitor's event log from its start: which host page each guest page holds locked, and which
 * guest pages the log shows mapped (a page is mapped from a MAPPED event until an UNMAPPED or UNLOCKED one).
 * Step definitions use it to check the order of a step's events against everything logged before them.
 */
final class MonitorLogReading {

    private final Map<Long, Long> lockedBy = new HashMap<>();
    private final TreeSet<Long> mapped = new TreeSet<>();

    /** The log read up to (not including) event {@code end}. */
    static MonitorLogReading upTo(List<MonitorEvent> log, int end) {
        MonitorLogReading reading = new MonitorLogReading();
        for (MonitorEvent e : log.subList(0, Math.min(end, log.size()))) {
            reading.read(e);
        }
        return reading;
    }

    void read(MonitorEvent e) {
        switch (e.kind()) {
            case LOCKED -> lockedBy.put(e.hostPage(), e.guestPage());
            case MAPPED -> mapped.add(e.guestPage());
            case UNMAPPED -> mapped.remove(e.guestPage());
            case UNLOCKED -> {
                lockedBy.remove(e.hostPage());
                mapped.remove(e.guestPage());
            }
        }
    }

    /** Whether the log shows {@code hostPage} locked for {@code guestPage}. */
    boolean holds(long guestPage, long hostPage) {
        return Long.valueOf(guestPage).equals(lockedBy.get(hostPage));
    }

    /** Whether the log shows {@code hostPage} locked for any guest page. */
    boolean locked(long hostPage) {
        return lockedBy.containsKey(hostPage);
    }

    /** Whether the log shows {@code guestPage} holding some host page locked. */
    boolean holdsAny(long guestPage) {
        return lockedBy.containsValue(guestPage);
    }

    boolean mapped(long guestPage) {
        return mapped.contains(guestPage);
    }

    /** The guest pages the log shows mapped, ascending. */
    List<Long> mappedPages() {
        return List.copyOf(mapped);
    }
}
