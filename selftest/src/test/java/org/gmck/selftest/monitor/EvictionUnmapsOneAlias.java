package org.gmck.selftest.monitor;

import java.util.Optional;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.monitor.MonitorEntry;
import org.gmck.spi.monitor.MonitorFactory;

/**
 * When it gives a guest page back, under host memory pressure or to make room for another page, takes out of
 * the monitor tables only the entry its reverse map names (the page's lowest linear alias) and leaves every
 * other alias of the page mapped to the host page it has just unlocked and returned to the host.
 */
@Breaks(
        value = "MON-EVICT-2",
        also = {"MON-EVICT-3", "MON-EVICT-4", "MON-LOCK-1"})
public final class EvictionUnmapsOneAlias extends KnownBad {

    MonitorFactory monitor(MonitorFactory reference) {
        return (guestPages, hostPageArray) -> new StaleAliasMonitor(reference.newMonitor(guestPages, hostPageArray)) {
            @Override
            Optional<MonitorEntry> report(long linear, MonitorEntry staleEntry) {
                return Optional.of(staleEntry);
            }
        };
    }
}
