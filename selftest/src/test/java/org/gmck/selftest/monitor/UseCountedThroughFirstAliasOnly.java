package org.gmck.selftest.monitor;

import java.util.HashMap;
import java.util.Map;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.monitor.FaultRoute;
import org.gmck.spi.monitor.Monitor;
import org.gmck.spi.monitor.MonitorFactory;

/**
 * Keeps the order of use of guest pages from the accessed bits of one monitor entry per page, the one for
 * the linear page the guest page was brought in through (and from the faults that enter a page's other
 * linear pages): a page the guest keeps using through another of its linear pages, once entered there, looks
 * unused, and is given back first under host memory pressure or to make room for another page.
 */
@Breaks("MON-EVICT-1")
public final class UseCountedThroughFirstAliasOnly extends KnownBad {

    MonitorFactory monitor(MonitorFactory reference) {
        return (guestPages, hostPageArray) -> {
            Monitor real = reference.newMonitor(guestPages, hostPageArray);
            GuestTables guest = new GuestTables();
            UseOrder counted = new UseOrder(real, guest);
            Map<Long, Long> broughtInThrough = new HashMap<>();
            return Intercept.of(Monitor.class, real, new Object() {
                void guestMap(long linear, long guestPage, boolean writable, boolean user) {
                    real.guestMap(linear, guestPage, writable, user);
                    guest.map(linear, guestPage, writable, user);
                }

                void guestUnmap(long linear) {
                    real.guestUnmap(linear);
                    guest.unmap(linear);
                }

                FaultRoute access(long linear, boolean write, boolean user) {
                    counted.steer();
                    int from = real.events().size();
                    FaultRoute route = real.access(linear, write, user);
                    long page = linear & ~0xFFFL;
                    for (long supplied : UseOrder.supplied(real, from)) {
                        broughtInThrough.put(supplied, page);
                    }
                    guest.at(linear).ifPresent(m -> {
                        boolean counts = route == FaultRoute.HOST_FAULT
                                || route == FaultRoute.RAN
                                        && Long.valueOf(page).equals(broughtInThrough.get(m.guestPage()));
                        if (counts) {
                            counted.use(m.guestPage());
                        }
                    });
                    counted.steer();
                    return route;
                }

                int hostMemoryPressure(int pages) {
                    counted.steer();
                    return real.hostMemoryPressure(pages);
                }
            });
        };
    }
}
