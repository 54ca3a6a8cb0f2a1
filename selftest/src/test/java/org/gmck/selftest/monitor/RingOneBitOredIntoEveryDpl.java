package org.gmck.selftest.monitor;

import java.util.ArrayList;
import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.monitor.Monitor;
import org.gmck.spi.monitor.MonitorFactory;

/**
 * Deprivileges guest code and data segments by OR-ing ring 1 into every descriptor's privilege level rather
 * than only into ring-0 ones: rings 0 and 1 become ring 1 and ring 3 stays ring 3 as they should, but a
 * guest ring-2 segment becomes ring 3.
 */
@Breaks("MON-DT-6")
public final class RingOneBitOredIntoEveryDpl extends KnownBad {

    private static final long CODE_OR_DATA = 1L << 44;
    private static final long DPL_1 = 1L << 45;

    MonitorFactory monitor(MonitorFactory reference) {
        return (guestPages, hostPageArray) -> {
            Monitor real = reference.newMonitor(guestPages, hostPageArray);
            List<Long> gdt = new ArrayList<>();
            List<Long> ldt = new ArrayList<>();
            return Intercept.of(Monitor.class, real, new Object() {
                void guestLoadGdt(List<Long> descriptors) {
                    real.guestLoadGdt(descriptors);
                    gdt.clear();
                    gdt.addAll(descriptors);
                    ldt.clear();
                }

                void guestLoadLdt(List<Long> descriptors) {
                    real.guestLoadLdt(descriptors);
                    ldt.clear();
                    ldt.addAll(descriptors);
                }

                List<Long> monitorGdt() {
                    return ored(real.monitorGdt(), gdt);
                }

                List<Long> monitorLdt() {
                    return ored(real.monitorLdt(), ldt);
                }

                private List<Long> ored(List<Long> monitor, List<Long> guest) {
                    List<Long> table = new ArrayList<>(monitor);
                    for (int slot = 0; slot < guest.size() && slot < table.size(); slot++) {
                        if ((guest.get(slot) & CODE_OR_DATA) != 0) {
                            table.set(slot, guest.get(slot) | DPL_1);
                        }
                    }
                    return List.copyOf(table);
                }
            });
        };
    }
}
