package org.gmck.selftest.monitor;

import java.util.ArrayList;
import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.monitor.Monitor;
import org.gmck.spi.monitor.MonitorFactory;

/**
 * Copies the guest's code and data segment descriptors into the monitor GDT as they are, so guest code
 * meant to run in ring 1 under the monitor runs with the guest's ring-0 segments.
 */
@Breaks(value = "MON-DT-1", also = "MON-DT-2")
public final class GuestRingZeroSegmentsKept extends KnownBad {

    private static final long CODE_OR_DATA = 1L << 44;

    MonitorFactory monitor(MonitorFactory reference) {
        return (guestPages, hostPageArray) -> {
            Monitor real = reference.newMonitor(guestPages, hostPageArray);
            List<Long> guestGdt = new ArrayList<>();
            return Intercept.of(Monitor.class, real, new Object() {
                void guestLoadGdt(List<Long> descriptors) {
                    real.guestLoadGdt(descriptors);
                    guestGdt.clear();
                    guestGdt.addAll(descriptors);
                }

                List<Long> monitorGdt() {
                    List<Long> gdt = new ArrayList<>(real.monitorGdt());
                    for (int slot = 0; slot < guestGdt.size(); slot++) {
                        if ((guestGdt.get(slot) & CODE_OR_DATA) != 0) {
                            gdt.set(slot, guestGdt.get(slot));
                        }
                    }
                    return List.copyOf(gdt);
                }
            });
        };
    }
}
