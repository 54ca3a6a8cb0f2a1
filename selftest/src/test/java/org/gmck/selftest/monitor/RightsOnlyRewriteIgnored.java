package org.gmck.selftest.monitor;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.monitor.Monitor;
import org.gmck.spi.monitor.MonitorEntry;
import org.gmck.spi.monitor.MonitorFactory;

/**
 * On a trapped guest page-table write, compares only the guest page number with what the guest mapped there
 * before, and leaves the monitor entry alone when it is the same: a write that only takes away (or grants)
 * write or user rights is not followed, until the guest next loads its page-directory base.
 */
@Breaks("MON-TBL-2")
public final class RightsOnlyRewriteIgnored extends KnownBad {

    MonitorFactory monitor(MonitorFactory reference) {
        return (guestPages, hostPageArray) -> {
            Monitor real = reference.newMonitor(guestPages, hostPageArray);
            GuestTables guest = new GuestTables();
            Map<Long, MonitorEntry> kept = new HashMap<>();
            return Intercept.of(Monitor.class, real, new Object() {
                void guestMap(long linear, long guestPage, boolean writable, boolean user) {
                    Optional<MonitorEntry> before = real.monitorEntry(linear);
                    boolean samePage = guest.at(linear)
                            .map(m -> m.guestPage() == guestPage)
                            .orElse(false);
                    real.guestMap(linear, guestPage, writable, user);
                    guest.map(linear, guestPage, writable, user);
                    kept.remove(linear);
                    if (samePage && before.isPresent()) {
                        kept.put(linear, before.get());
                    }
                }

                void guestUnmap(long linear) {
                    real.guestUnmap(linear);
                    guest.unmap(linear);
                    kept.remove(linear);
                }

                void guestLoadPdbr() {
                    real.guestLoadPdbr();
                    kept.clear();
                }

                Optional<MonitorEntry> monitorEntry(long linear) {
                    Optional<MonitorEntry> entry = real.monitorEntry(linear);
                    MonitorEntry old = kept.get(linear & ~0xFFFL);
                    if (entry.isEmpty() || old == null) {
                        kept.remove(linear & ~0xFFFL);
                        return entry;
                    }
                    return Optional.of(new MonitorEntry(entry.get().hostPage(), old.writable(), old.user()));
                }
            });
        };
    }
}
