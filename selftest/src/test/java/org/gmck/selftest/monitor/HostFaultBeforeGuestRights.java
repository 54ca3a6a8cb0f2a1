package org.gmck.selftest.monitor;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.monitor.FaultRoute;
import org.gmck.spi.monitor.Monitor;
import org.gmck.spi.monitor.MonitorFactory;

/**
 * Routes a fault on a linear page the guest maps but the monitor tables do not to the host straight away,
 * before comparing the access with the guest's rights: a write to a page the guest maps read-only (or a user
 * access to a supervisor page) that the monitor has not entered yet brings the page in from the host instead
 * of going to the guest's page-fault handler.
 */
@Breaks("MON-FLT-1")
public final class HostFaultBeforeGuestRights extends KnownBad {

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

                FaultRoute access(long linear, boolean write, boolean user) {
                    boolean refused =
                            guest.at(linear).map(m -> !m.allows(write, user)).orElse(false);
                    if (refused && real.monitorEntry(linear).isEmpty()) {
                        real.access(linear, false, false);
                        return FaultRoute.HOST_FAULT;
                    }
                    return real.access(linear, write, user);
                }
            });
        };
    }
}
