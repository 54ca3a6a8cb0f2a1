package org.gmck.selftest.monitor;

import java.util.HashMap;
import java.util.Map;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.monitor.Monitor;
import org.gmck.spi.monitor.MonitorEvent;
import org.gmck.spi.monitor.MonitorFactory;

/**
 * Gives back the right pages under host memory pressure, but answers with the number of monitor entries it
 * took out rather than the number of pages: a page mapped at several linear pages counts once per entry.
 */
@Breaks("MON-EVICT-5")
public final class PressureCountsEntriesNotPages extends KnownBad {

    MonitorFactory monitor(MonitorFactory reference) {
        return (guestPages, hostPageArray) -> {
            Monitor real = reference.newMonitor(guestPages, hostPageArray);
            GuestTables guest = new GuestTables();
            return Intercept.of(Monitor.class, real, new Object() {
                void guestMap(long linear, long guestPage, boolean writable, boolean user) {
                    real.guestMap(linear, guestPage, writable, user);
                    guest.map(linear, guestPage, writable, user);
                }

                void guestUnmap(long linear) {
                    real.guestUnmap(linear);
                    guest.unmap(linear);
                }

                int hostMemoryPressure(int pages) {
                    Map<Long, Integer> entries = new HashMap<>();
                    guest.all().forEach((linear, m) -> {
                        if (real.monitorEntry(linear).isPresent()) {
                            entries.merge(m.guestPage(), 1, Integer::sum);
                        }
                    });
                    int from = real.events().size();
                    real.hostMemoryPressure(pages);
                    int counted = 0;
                    for (MonitorEvent e :
                            real.events().subList(from, real.events().size())) {
                        if (e.kind() == MonitorEvent.Kind.UNLOCKED) {
                            counted += Math.max(1, entries.getOrDefault(e.guestPage(), 0));
                        }
                    }
                    return counted;
                }
            });
        };
    }
}
