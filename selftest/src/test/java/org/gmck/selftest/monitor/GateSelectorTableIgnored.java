package org.gmck.selftest.monitor;

import java.util.ArrayList;
import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.Intercept;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.monitor.Monitor;
import org.gmck.spi.monitor.MonitorFactory;

/**
 * Decides whether a guest call gate names one of the monitor's own GDT entries from the selector's index
 * alone, without looking at its table indicator: a gate to an LDT code segment whose index happens to be at
 * or past the end of the guest GDT is made not present, though it leads only to deprivileged guest code.
 */
@Breaks("MON-DT-2")
public final class GateSelectorTableIgnored extends KnownBad {

    private static final long PRESENT = 1L << 47;

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
                    return disarmed(real.monitorGdt(), gdt);
                }

                List<Long> monitorLdt() {
                    return disarmed(real.monitorLdt(), ldt);
                }

                private List<Long> disarmed(List<Long> monitor, List<Long> guest) {
                    List<Long> table = new ArrayList<>(monitor);
                    for (int slot = 0; slot < guest.size() && slot < table.size(); slot++) {
                        long d = guest.get(slot);
                        long type = d >>> 40 & 0x1F;
                        boolean gate = type == 0x04 || type == 0x0C;
                        if (gate && (d >>> 16 & 0xFFFF) >>> 3 >= gdt.size()) {
                            table.set(slot, table.get(slot) & ~PRESENT);
                        }
                    }
                    return List.copyOf(table);
                }
            });
        };
    }
}
