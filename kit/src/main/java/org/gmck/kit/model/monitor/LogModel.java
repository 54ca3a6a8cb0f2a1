package org.gmck.kit.model.monitor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.gmck.spi.monitor.MonitorEvent;

/**
 * The monitor's event log as read so far: which host page each guest page holds locked, and which guest
 * pages the log shows mapped. A page is mapped from a MAPPED event until an UNMAPPED or UNLOCKED one; the
 * SPI logs MAPPED when an entry comes to map a page and UNMAPPED when its last entry goes, so an
 * implementation may log MAPPED again for a second entry, or UNMAPPED for a page given back without entries.
 */
final class LogModel {

    private final Map<Long, Integer> lockedBy = new HashMap<>();
    private final TreeSet<Integer> mapped = new TreeSet<>();

    LogModel copy() {
        LogModel copy = new LogModel();
        copy.lockedBy.putAll(lockedBy);
        copy.mapped.addAll(mapped);
        return copy;
    }

    void read(MonitorEvent e) {
        int page = (int) e.guestPage();
        switch (e.kind()) {
            case LOCKED -> lockedBy.put(e.hostPage(), page);
            case MAPPED -> mapped.add(page);
            case UNMAPPED -> mapped.remove(page);
            case UNLOCKED -> {
                lockedBy.remove(e.hostPage());
                mapped.remove(page);
            }
        }
    }

    boolean holds(long guestPage, long hostPage) {
        Integer holder = lockedBy.get(hostPage);
        return holder != null && holder == guestPage;
    }

    boolean locked(long hostPage) {
        return lockedBy.containsKey(hostPage);
    }

    boolean holdsAny(long guestPage) {
        return lockedBy.containsValue((int) guestPage);
    }

    boolean mapped(long guestPage) {
        return mapped.contains((int) guestPage);
    }

    List<Integer> mappedPages() {
        return List.copyOf(mapped);
    }
}
