package org.gmck.selftest.monitor;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.monitor.Monitor;
import org.gmck.spi.monitor.MonitorEvent;
import org.gmck.spi.monitor.MonitorFactory;

/**
 * Under host memory pressure unlocks each page it gives back before taking it out of the monitor tables,
 * leaving a window in which the monitor maps a page the host may already have reused.
 */
@Breaks("MON-EVICT-2")
public final class UnlockedBeforeUnmapped extends KnownBad {

    MonitorFactory monitor(MonitorFactory reference) {
        return (guestPages, hostPageArray) -> {
            Monitor real = reference.newMonitor(guestPages, hostPageArray);
            BitSet underPressure = new BitSet();
            return Intercept.of(Monitor.class, real, new Object() {
                int hostMemoryPressure(int pages) {
                    int from = real.events().size();
                    int given = real.hostMemoryPressure(pages);
                    underPressure.set(from, real.events().size());
                    return given;
                }

                List<MonitorEvent> events() {
                    List<MonitorEvent> events = new ArrayList<>(real.events());
                    for (int i = 0; i + 1 < events.size(); i++) {
                        if (underPressure.get(i)
                                && events.get(i).kind() == MonitorEvent.Kind.UNMAPPED
                                && events.get(i + 1).kind() == MonitorEvent.Kind.UNLOCKED) {
                            MonitorEvent unmapped = events.set(i, events.get(i + 1));
                            events.set(++i, unmapped);
                        }
                    }
                    return List.copyOf(events);
                }
            });
        };
    }
}
