package org.gmck.kit.model.monitor;

import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue's rules for the monitor's descriptor tables (MON-DT-1 to MON-DT-6, interpretation I-MON-1):
 * guest ring-0 code and data segments run at ring 1, a call gate whose selector names one of the monitor's
 * own GDT entries (table indicator 0, index just past the guest's GDT) is made not present, every other
 * descriptor is mirrored unchanged (a gate naming a slot past the monitor's entries may be either); the
 * monitor appends its ring-0 code and data entries after the guest's GDT, which therefore holds at most 8190
 * guest descriptors, and adds nothing to an LDT (8192 at most).
 */
final class DescriptorRules {

    static final long MONITOR_CODE = 0x00CF_9A00_0000_FFFFL;
    static final long MONITOR_DATA = 0x00CF_9200_0000_FFFFL;
    static final int SLOTS = 8192;
    static final int LARGEST_GUEST_GDT = SLOTS - 2;
    /** What large tables are filled with: a flat ring-3 data segment, mirrored unchanged. */
    static final long FILLER = 0x00CF_F200_0000_FFFFL;

    private static final long CODE_OR_DATA = 1L << 44;
    private static final long PRESENT = 1L << 47;
    private static final long RING_1 = 1L << 45;

    /** Which rule decides a descriptor's slot in the monitor's tables. */
    enum Kind {
        /** A ring-0 code or data segment, run at ring 1. */
        RING_0_SEGMENT,
        /** A call gate (16- or 32-bit), disarmed when it names a monitor entry. */
        CALL_GATE,
        /** Anything else, mirrored unchanged. */
        MIRRORED
    }

    private DescriptorRules() {}

    static Kind kind(long descriptor) {
        if ((descriptor & CODE_OR_DATA) != 0) {
            return (descriptor >>> 45 & 3) == 0 ? Kind.RING_0_SEGMENT : Kind.MIRRORED;
        }
        long type = descriptor >>> 40 & 0xF;
        return type == 0x4 || type == 0xC ? Kind.CALL_GATE : Kind.MIRRORED;
    }

    /** Whether a gate's selector names one of the monitor's own entries after a guest GDT of {@code guestGdtSize}. */
    static boolean namesMonitorEntry(long gate, int guestGdtSize) {
        long selector = gate >>> 16 & 0xFFFF;
        long index = selector >>> 3;
        return (selector & 4) == 0 && (index == guestGdtSize || index == guestGdtSize + 1L);
    }

    /**
     * Whether a call gate's selector names a GDT slot past the monitor's own entries: no descriptor at all.
     * The catalogue mirrors every gate but those naming the monitor's entries (MON-DT-6), yet an
     * implementation may as well treat every slot past the guest's GDT as the monitor's (its "additional
     * entries" may grow) and disarm such a gate; the kit does not decide between the two.
     */
    static boolean namesPastMonitorEntries(long descriptor, int guestGdtSize) {
        if (kind(descriptor) != Kind.CALL_GATE) {
            return false;
        }
        long selector = descriptor >>> 16 & 0xFFFF;
        return (selector & 4) == 0 && (selector >>> 3) > guestGdtSize + 1L;
    }

    /** A call gate made not present. */
    static long disarmed(long gate) {
        return gate & ~PRESENT;
    }

    /** The descriptor as the monitor runs it. */
    static long asMonitorRunsIt(long descriptor, int guestGdtSize) {
        return switch (kind(descriptor)) {
            case RING_0_SEGMENT -> descriptor | RING_1;
            case CALL_GATE -> namesMonitorEntry(descriptor, guestGdtSize) ? descriptor & ~PRESENT : descriptor;
            case MIRRORED -> descriptor;
        };
    }

    /** The monitor GDT for a guest GDT: its descriptors as the monitor runs them, then the monitor's two entries. */
    static List<Long> monitorGdt(List<Long> guestGdt) {
        List<Long> gdt = monitorTable(guestGdt, guestGdt.size());
        gdt.add(MONITOR_CODE);
        gdt.add(MONITOR_DATA);
        return gdt;
    }

    /** The monitor's version of a guest table, with gates judged against a guest GDT of {@code guestGdtSize}. */
    static List<Long> monitorTable(List<Long> guest, int guestGdtSize) {
        List<Long> table = new ArrayList<>(guest.size() + 2);
        for (long d : guest) {
            table.add(asMonitorRunsIt(d, guestGdtSize));
        }
        return table;
    }

    /** The first present call gate of {@code table} that names one of the monitor's entries, or -1. */
    static int armedGateToMonitor(List<Long> table, int guestGdtSize) {
        for (int slot = 0; slot < table.size(); slot++) {
            long d = table.get(slot);
            if (kind(d) == Kind.CALL_GATE && (d & PRESENT) != 0 && namesMonitorEntry(d, guestGdtSize)) {
                return slot;
            }
        }
        return -1;
    }
}
