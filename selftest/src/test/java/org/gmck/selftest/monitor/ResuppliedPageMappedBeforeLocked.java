package org.gmck.selftest.monitor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.monitor.Monitor;
import org.gmck.spi.monitor.MonitorEvent;
import org.gmck.spi.monitor.MonitorFactory;

/**
 * Brings back a guest page it gave back before (under pressure, to make room, or because the guest unmapped
 * it) by entering the host page it gets in the monitor tables first and locking it only afterwards, as if a
 * page that had been resident once could be trusted: for a moment the monitor maps a host page the host may
 * still page out. A page's first supply is locked first, as it should be.
 */
@Breaks("MON-LOCK-1")
public final class ResuppliedPageMappedBeforeLocked extends KnownBad {

    MonitorFactory monitor(MonitorFactory reference) {
        return (guestPages, hostPageArray) -> {
            Monitor real = reference.newMonitor(guestPages, hostPageArray);
            return Intercept.of(Monitor.class, real, new Object() {
                List<MonitorEvent> events() {
                    List<MonitorEvent> events = new ArrayList<>(real.events());
                    Set<Long> givenBack = new HashSet<>();
                    for (int i = 0; i < events.size(); i++) {
                        MonitorEvent e = events.get(i);
                        if (e.kind() == MonitorEvent.Kind.UNLOCKED) {
                            givenBack.add(e.guestPage());
                        }
                        boolean again = e.kind() == MonitorEvent.Kind.LOCKED && givenBack.contains(e.guestPage());
                        if (again
                                && i + 1 < events.size()
                                && events.get(i + 1)
                                        .equals(new MonitorEvent(
                                                MonitorEvent.Kind.MAPPED, e.guestPage(), e.hostPage()))) {
                            events.set(i, events.get(i + 1));
                            events.set(++i, e);
                        }
                    }
                    return List.copyOf(events);
                }
            });
        };
    }
}
