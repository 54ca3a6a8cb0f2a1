package org.gmck.selftest.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.monitor.Monitor;
import org.gmck.spi.monitor.MonitorFactory;

/**
 * When the guest points one of its linear pages at another guest page, treats the guest page it pointed at
 * before as no longer mapped: takes it out of the monitor tables at every linear page, unlocks it and gives it
 * back, though the guest still maps it elsewhere. (Dropping a mapping with guestUnmap is handled right.)
 */
@Breaks("MON-LOCK-3")
public final class RemapGivesBackPageStillMapped extends KnownBad {

    MonitorFactory monitor(MonitorFactory reference) {
        return (guestPages, hostPageArray) -> {
            Monitor real = reference.newMonitor(guestPages, hostPageArray);
            GuestTables guest = new GuestTables();
            return Intercept.of(Monitor.class, real, new Object() {
                void guestMap(long linear, long guestPage, boolean writable, boolean user) {
                    Optional<GuestTables.Mapping> old = guest.at(linear).filter(m -> m.guestPage() != guestPage);
                    real.guestMap(linear, guestPage, writable, user);
                    guest.map(linear, guestPage, writable, user);
                    if (old.isEmpty() || real.hostPageOf(old.get().guestPage()).isEmpty()) {
                        return;
                    }
                    List<Map.Entry<Long, GuestTables.Mapping>> others = new ArrayList<>();
                    guest.all().entrySet().stream()
                            .filter(e -> e.getValue().guestPage() == old.get().guestPage())
                            .forEach(e -> others.add(Map.entry(e.getKey(), e.getValue())));
                    others.forEach(e -> real.guestUnmap(e.getKey()));
                    others.forEach(e -> real.guestMap(
                            e.getKey(),
                            e.getValue().guestPage(),
                            e.getValue().writable(),
                            e.getValue().user()));
                }

                void guestUnmap(long linear) {
                    real.guestUnmap(linear);
                    guest.unmap(linear);
                }
            });
        };
    }
}
