package org.gmck.selftest.monitor;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.monitor.Monitor;
import org.gmck.spi.monitor.MonitorFactory;

/** Reads a negative demand for pages from the host as no demand instead of refusing it. */
@Breaks("MON-BAD-3")
public final class NegativePressureIgnored extends KnownBad {

    MonitorFactory monitor(MonitorFactory reference) {
        return (guestPages, hostPageArray) -> {
            Monitor real = reference.newMonitor(guestPages, hostPageArray);
            return Intercept.of(Monitor.class, real, new Object() {
                int hostMemoryPressure(int pages) {
                    return real.hostMemoryPressure(Math.max(0, pages));
                }
            });
        };
    }
}
