package org.gmck.kit.model.monitor;

import java.util.List;
import java.util.Optional;
import org.gmck.kit.model.Disagreement;

/**
 * The monitor's descriptor tables as the catalogue has them: the last guest GDT accepted, the monitor GDT it
 * gives, and the monitor LDT. Where the catalogue leaves a slot open (a gate naming a slot past the monitor's
 * entries, see {@link DescriptorRules#namesPastMonitorEntries}) the model takes what the adapter shows. The
 * LDT after a new guest GDT is left to the implementation (kept, rebuilt or dropped), except that none of
 * its present call gates may name the monitor's new entries (MON-DT-2); the model takes the one the adapter
 * shows and holds it to it from then on.
 */
final class TableModel {

    private List<Long> guestGdt;
    private List<Long> monitorGdt;
    private List<Long> monitorLdt;

    /** The tables a new monitor shows, before the guest loads any. */
    TableModel(List<Long> initialGdt, List<Long> initialLdt) {
        this.monitorGdt = List.copyOf(initialGdt);
        this.monitorLdt = List.copyOf(initialLdt);
    }

    /** The size of the guest's GDT, against which gates are judged; 0 before the guest loads one. */
    int guestGdtSize() {
        return guestGdt == null ? 0 : guestGdt.size();
    }

    List<Long> monitorGdt() {
        return monitorGdt;
    }

    List<Long> monitorLdt() {
        return monitorLdt;
    }

    /** The guest loaded {@code gdt} (accepted); compares both tables the adapter shows now. */
    Optional<Disagreement> loadedGdt(List<Long> gdt, Observation o) {
        guestGdt = List.copyOf(gdt);
        monitorGdt = DescriptorRules.monitorGdt(guestGdt);
        Optional<Disagreement> found = table("GDT", guestGdt, gdt.size(), monitorGdt, o.gdt(), true);
        if (found.isEmpty()) {
            int armed = DescriptorRules.armedGateToMonitor(o.ldt(), gdt.size());
            if (armed >= 0) {
                return Optional.of(new Disagreement(
                        "MON-DT-2",
                        "after a GDT of " + gdt.size() + " descriptors, slot " + armed
                                + " of the monitor LDT is a present call gate to one of the monitor's own entries: "
                                + org.gmck.kit.Numbers.hex(o.ldt().get(armed)),
                        MonitorGherkin.noArmedGateInLdt()));
            }
            monitorLdt = o.ldt();
        }
        return found;
    }

    /** The guest loaded {@code ldt} (accepted). */
    Optional<Disagreement> loadedLdt(List<Long> ldt, Observation o) {
        monitorLdt = DescriptorRules.monitorTable(ldt, guestGdtSize());
        Optional<Disagreement> found = table("LDT", ldt, guestGdtSize(), monitorLdt, o.ldt(), false);
        return found.isPresent() ? found : unchanged("MON-DT-4", o, false);
    }

    /** Both tables as they were, or, with {@code exceptLdt}, the GDT alone. */
    Optional<Disagreement> unchanged(String rule, Observation o, boolean exceptLdt) {
        Optional<Disagreement> found = same(rule, "GDT", monitorGdt, o.gdt());
        return found.isPresent() || exceptLdt ? found : same(rule, "LDT", monitorLdt, o.ldt());
    }

    /** A table the guest just loaded: its size, each guest slot by the rule for its kind, the monitor's own entries. */
    private static Optional<Disagreement> table(
            String name, List<Long> guest, int guestGdtSize, List<Long> expected, List<Long> actual, boolean gdt) {
        if (expected.size() != actual.size()) {
            return Optional.of(new Disagreement(
                    gdt ? "MON-DT-3" : "MON-DT-4",
                    "the monitor " + name + " has " + actual.size() + " entries, expected " + expected.size(),
                    MonitorGherkin.tableSize(name, expected.size())));
        }
        for (int slot = 0; slot < expected.size(); slot++) {
            if (slot < guest.size()
                    && DescriptorRules.namesPastMonitorEntries(guest.get(slot), guestGdtSize)
                    && actual.get(slot) == DescriptorRules.disarmed(guest.get(slot))) {
                expected.set(slot, actual.get(slot));
            }
            if (!expected.get(slot).equals(actual.get(slot))) {
                String rule = slot >= guest.size() ? "MON-DT-3" : ruleFor(gdt, DescriptorRules.kind(guest.get(slot)));
                return Optional.of(new Disagreement(
                        rule,
                        "slot " + slot + " of the monitor " + name + ": expected "
                                + org.gmck.kit.Numbers.hex(expected.get(slot)) + ", got "
                                + org.gmck.kit.Numbers.hex(actual.get(slot)),
                        MonitorGherkin.slot(name, slot, expected.get(slot))));
            }
        }
        return Optional.empty();
    }

    private static String ruleFor(boolean gdt, DescriptorRules.Kind kind) {
        return switch (kind) {
            case RING_0_SEGMENT -> gdt ? "MON-DT-1" : "MON-DT-4";
            case CALL_GATE -> "MON-DT-2";
            case MIRRORED -> "MON-DT-6";
        };
    }

    private static Optional<Disagreement> same(String rule, String name, List<Long> expected, List<Long> actual) {
        if (expected.size() != actual.size()) {
            return Optional.of(new Disagreement(
                    rule,
                    "the monitor " + name + " changed size: expected " + expected.size() + ", got " + actual.size(),
                    MonitorGherkin.tableSize(name, expected.size())));
        }
        for (int slot = 0; slot < expected.size(); slot++) {
            if (!expected.get(slot).equals(actual.get(slot))) {
                return Optional.of(new Disagreement(
                        rule,
                        "slot " + slot + " of the monitor " + name + " changed: expected "
                                + org.gmck.kit.Numbers.hex(expected.get(slot)) + ", got "
                                + org.gmck.kit.Numbers.hex(actual.get(slot)),
                        MonitorGherkin.slot(name, slot, expected.get(slot))));
            }
        }
        return Optional.empty();
    }
}
