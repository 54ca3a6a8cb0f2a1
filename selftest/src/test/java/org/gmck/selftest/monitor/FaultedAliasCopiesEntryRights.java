package org.gmck.selftest.monitor;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.monitor.FaultRoute;
import org.gmck.spi.monitor.Monitor;
import org.gmck.spi.monitor.MonitorEntry;
import org.gmck.spi.monitor.MonitorFactory;

/**
 * When a fault enters another linear page of a guest page that is already resident, copies a monitor entry
 * the page already has (host page and rights) instead of building the new one from the guest's own entry:
 * a linear page the guest maps read-only, entered after a writable one, is writable in the monitor tables
 * (and a guest write through it runs), or the other way round. Page-directory base loads and the guest's
 * own page-table writes still build entries with the guest's rights.
 */
@Breaks("MON-TBL-1")
public final class FaultedAliasCopiesEntryRights extends KnownBad {

    MonitorFactory monitor(MonitorFactory reference) {
        return (guestPages, hostPageArray) -> {
            Monitor real = reference.newMonitor(guestPages, hostPageArray);
            GuestTables guest = new GuestTables();
            Map<Long, MonitorEntry> copied = new HashMap<>();
            return Intercept.of(Monitor.class, real, new Object() {
                void guestMap(long linear, long guestPage, boolean writable, boolean user) {
                    real.guestMap(linear, guestPage, writable, user);
                    guest.map(linear, guestPage, writable, user);
                    copied.remove(linear);
                }

                void guestUnmap(long linear) {
                    real.guestUnmap(linear);
                    guest.unmap(linear);
                    copied.remove(linear);
                }

                void guestLoadPdbr() {
                    real.guestLoadPdbr();
                    copied.clear();
                }

                FaultRoute access(long linear, boolean write, boolean user) {
                    long page = linear & ~0xFFFL;
                    Optional<MonitorEntry> mine = monitorEntry(page);
                    if (mine.isPresent() && copied.containsKey(page)) {
                        boolean copyAllows = (!write || mine.get().writable())
                                && (!user || mine.get().user());
                        boolean guestAllows =
                                guest.at(page).map(m -> m.allows(write, user)).orElse(false);
                        if (copyAllows != guestAllows) {
                            return copyAllows ? FaultRoute.RAN : FaultRoute.HOST_FAULT;
                        }
                    }
                    Optional<MonitorEntry> sibling = Optional.empty();
                    if (real.monitorEntry(page).isEmpty()) {
                        sibling = guest.at(page)
                                .flatMap(m -> guest.all().entrySet().stream()
                                        .filter(e -> e.getValue().guestPage() == m.guestPage() && e.getKey() != page)
                                        .map(e -> real.monitorEntry(e.getKey()))
                                        .flatMap(Optional::stream)
                                        .findFirst());
                    }
                    FaultRoute route = real.access(linear, write, user);
                    if (route == FaultRoute.HOST_FAULT && sibling.isPresent()) {
                        copied.put(page, sibling.get());
                    }
                    return route;
                }

                Optional<MonitorEntry> monitorEntry(long linear) {
                    long page = linear & ~0xFFFL;
                    Optional<MonitorEntry> entry = real.monitorEntry(page);
                    MonitorEntry copy = copied.get(page);
                    if (entry.isEmpty() || copy == null) {
                        copied.remove(page);
                        return entry;
                    }
                    return Optional.of(new MonitorEntry(entry.get().hostPage(), copy.writable(), copy.user()));
                }
            });
        };
    }
}
