package org.gmck.selftest.monitor;

import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.monitor.Monitor;
import org.gmck.spi.monitor.MonitorFactory;
import org.gmck.spi.monitor.MonitorStatus;

/**
 * Checks a guest LDT against the GDT's limit, which keeps two of the 8192 slots for the monitor's own
 * entries, though the monitor adds nothing to an LDT: a guest LDT of 8191 or 8192 descriptors is refused.
 */
@Breaks("MON-DT-4")
public final class LdtLimitedLikeGdt extends KnownBad {

    MonitorFactory monitor(MonitorFactory reference) {
        return (guestPages, hostPageArray) -> {
            Monitor real = reference.newMonitor(guestPages, hostPageArray);
            return Intercept.of(Monitor.class, real, new Object() {
                void guestLoadLdt(List<Long> descriptors) {
                    if (descriptors.size() > 8190) {
                        throw new RejectedException(
                                MonitorStatus.TOO_MANY_DESCRIPTORS,
                                "a descriptor table holds at most 8190 guest entries here");
                    }
                    real.guestLoadLdt(descriptors);
                }
            });
        };
    }
}
