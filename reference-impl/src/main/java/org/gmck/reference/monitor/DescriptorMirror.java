package org.gmck.reference.monitor;

import java.util.ArrayList;
import java.util.List;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.monitor.MonitorStatus;

/**
 * Builds the monitor's descriptor tables from the guest's (seed 003, "monitor GDT and LDTs"). Each guest
 * descriptor keeps its slot. Code and data segments of ring 0 run the guest kernel deprivileged at ring 1,
 * so only the monitor's own entries, appended after the guest's, are ring 0; a call gate can therefore
 * reach ring 0 only by naming one of the monitor's entries, and such a gate is made not present.
 */
final class DescriptorMirror {

    /** Entries in a descriptor table at most. */
    static final int TABLE_ENTRIES = 8192;
    /** The monitor's own ring-0 flat code and data segments. */
    static final List<Long> MONITOR_ENTRIES = List.of(0x00CF_9A00_0000_FFFFL, 0x00CF_9200_0000_FFFFL);

    private static final long S = 1L << 44;
    private static final int DPL_SHIFT = 45;
    private static final long DPL = 3L << DPL_SHIFT;
    private static final long PRESENT = 1L << 47;
    private static final int TYPE_SHIFT = 40;
    private static final long CALL_GATE_16 = 0x4;
    private static final long CALL_GATE_32 = 0xC;
    private static final int GUEST_KERNEL_RING = 1;

    private DescriptorMirror() {}

    /** The monitor's GDT for a guest GDT: the guest's slots, then the monitor's entries. */
    static List<Long> gdt(List<Long> guest) {
        check(guest, TABLE_ENTRIES - MONITOR_ENTRIES.size());
        List<Long> monitor = mirror(guest, guest.size());
        monitor.addAll(MONITOR_ENTRIES);
        return monitor;
    }

    /** The monitor's LDT for a guest LDT; its gates name GDT slots below {@code guestGdtSize}. */
    static List<Long> ldt(List<Long> guest, int guestGdtSize) {
        check(guest, TABLE_ENTRIES);
        return mirror(guest, guestGdtSize);
    }

    private static void check(List<Long> guest, int max) {
        if (guest == null || guest.size() > max) {
            throw new RejectedException(
                    MonitorStatus.TOO_MANY_DESCRIPTORS,
                    String.format("a descriptor table holds at most %d guest entries here", max));
        }
    }

    private static List<Long> mirror(List<Long> guest, int guestGdtSize) {
        List<Long> monitor = new ArrayList<>(guest.size());
        for (long d : guest) {
            monitor.add(mirror(d, guestGdtSize));
        }
        return monitor;
    }

    private static long mirror(long d, int guestGdtSize) {
        if ((d & S) != 0) {
            return (d & DPL) == 0 ? d | (long) GUEST_KERNEL_RING << DPL_SHIFT : d;
        }
        long type = d >>> TYPE_SHIFT & 0xF;
        if (type == CALL_GATE_16 || type == CALL_GATE_32) {
            long selector = d >>> 16 & 0xFFFF;
            boolean inLdt = (selector & 4) != 0;
            long index = selector >>> 3;
            if (!inLdt && index >= guestGdtSize) {
                return d & ~PRESENT;
            }
        }
        return d;
    }
}
