package org.gmck.selftest.monitor;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.monitor.Monitor;
import org.gmck.spi.monitor.MonitorFactory;

/**
 * Follows the guest's page-table writes but drops the guest's read-only bit, so the monitor tables map
 * every page writable and a guest write to a page its own tables make read-only goes through.
 */
@Breaks(
        value = "MON-TBL-1",
        also = {"MON-TBL-2", "MON-FLT-1"})
public final class GuestRightsIgnored extends KnownBad {

    MonitorFactory monitor(MonitorFactory reference) {
        return (guestPages, hostPageArray) -> {
            Monitor real = reference.newMonitor(guestPages, hostPageArray);
            return Intercept.of(Monitor.class, real, new Object() {
                void guestMap(long linear, long guestPage, boolean writable, boolean user) {
                    real.guestMap(linear, guestPage, true, user);
                }
            });
        };
    }
}
