package org.gmck.selftest.monitor;

import java.util.Optional;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.monitor.MonitorEntry;
import org.gmck.spi.monitor.MonitorFactory;

/**
 * Two faults that hide each other. Eviction takes out only one monitor entry of each page it gives back and
 * leaves the page's other aliases mapped to the returned host page; and the monitor reports an entry through
 * the guest page it was made for, showing that page's host page now, or nothing while the page is out. So
 * right after eviction the stale aliases look unmapped and every page they map looks locked; only a guest
 * access through one of them shows it, by running on the old host page without a host fault.
 */
@Breaks("MON-EVICT-3")
public final class StaleAliasHiddenByReport extends KnownBad {

    MonitorFactory monitor(MonitorFactory reference) {
        return (guestPages, hostPageArray) -> new StaleAliasMonitor(reference.newMonitor(guestPages, hostPageArray)) {
            @Override
            Optional<MonitorEntry> report(long linear, MonitorEntry staleEntry) {
                return guest.at(linear)
                        .flatMap(m -> real.hostPageOf(m.guestPage()))
                        .map(host -> new MonitorEntry(host, staleEntry.writable(), staleEntry.user()));
            }
        };
    }
}
