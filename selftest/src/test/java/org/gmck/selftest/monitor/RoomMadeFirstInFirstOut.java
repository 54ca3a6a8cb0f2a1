package org.gmck.selftest.monitor;

import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.monitor.FaultRoute;
import org.gmck.spi.monitor.Monitor;
import org.gmck.spi.monitor.MonitorFactory;

/**
 * With fewer host pages than guest pages, makes room for a page the guest needs by giving back the page that
 * was brought in longest ago, not the one used least recently: a page the guest keeps using is thrown out
 * because it came first. Under host memory pressure it still gives back the least recently used pages.
 */
@Breaks("MON-EVICT-4")
public final class RoomMadeFirstInFirstOut extends KnownBad {

    MonitorFactory monitor(MonitorFactory reference) {
        return (guestPages, hostPageArray) -> {
            Monitor real = reference.newMonitor(guestPages, hostPageArray);
            GuestTables guest = new GuestTables();
            UseOrder used = new UseOrder(real, guest);
            UseOrder brought = new UseOrder(real, guest);
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
                    boolean makesRoom = real.monitorEntry(linear).isEmpty()
                            && real.lockedHostPages().size() == hostPageArray.size();
                    if (makesRoom) {
                        brought.steer();
                    }
                    int from = real.events().size();
                    FaultRoute route = real.access(linear, write, user);
                    List<Long> supplied = UseOrder.supplied(real, from);
                    supplied.forEach(brought::use);
                    if (route != FaultRoute.GUEST_FAULT) {
                        guest.at(linear).ifPresent(m -> used.use(m.guestPage()));
                    }
                    if (makesRoom) {
                        used.steer();
                    }
                    return route;
                }
            });
        };
    }
}
