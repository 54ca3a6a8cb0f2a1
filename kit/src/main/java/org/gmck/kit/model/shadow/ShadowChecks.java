package org.gmck.kit.model.shadow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gmck.kit.model.Comparisons;
import org.gmck.kit.model.shadow.ShadowModel.Handler;
import org.gmck.kit.model.shadow.ShadowModel.Target;
import org.gmck.kit.steps.pgm.GuestTableWriter;
import org.gmck.spi.pgm.handler.HandledVm;
import org.gmck.spi.pgm.handler.PhysHandlerKind;
import org.gmck.spi.pgm.phys.HandlerState;
import org.gmck.spi.pgm.shadow.ShadowTranslation;

/**
 * The comparisons the shadow model makes through the SPI: what every shadow translation may be (after every
 * operation), the page handler states and handler calls, and a refused call's "nothing changed".
 */
final class ShadowChecks {

    /** Everything a refused call must leave as it was. */
    record Snapshot(
            List<Optional<ShadowTranslation>> shadow,
            List<List<Long>> entries,
            List<HandlerState> phys,
            List<HandlerState> virt,
            List<Object> calls,
            Object counts,
            int privatePages,
            List<Long> structures) {}

    private final HandledVm vm;
    private final GuestTableWriter tables;
    private final ShadowModel model;
    private final boolean introspect;

    ShadowChecks(HandledVm vm, GuestTableWriter tables, ShadowModel model, boolean introspect) {
        this.vm = vm;
        this.tables = tables;
        this.model = model;
        this.introspect = introspect;
    }

    static long view(int v) {
        return ShadowLayout.VIEWS.get(v);
    }

    /** The 0-based level of the guest entry that maps view {@code v}. */
    int leafLevel(int v) {
        int levels = model.variant.levels();
        if (!ShadowLayout.isLarge(view(v))) {
            return levels - 1;
        }
        return levels == 2 ? 0 : levels - 2;
    }

    /** The raw guest entries on the way to view {@code v}, down to its leaf, as far as the tables go. */
    List<Long> entries(int v) {
        List<Long> out = new ArrayList<>();
        for (int level = 0; level <= leafLevel(v); level++) {
            long address = tables.entryAddressOf(level, view(v));
            if (address < 0) {
                break;
            }
            out.add(tables.read(address));
        }
        return out;
    }

    /** The guest table pages on the way to view {@code v}, as far as the tables go. */
    List<Long> tablePages(int v) {
        List<Long> out = new ArrayList<>();
        for (int level = 0; level <= leafLevel(v); level++) {
            long address = tables.entryAddressOf(level, view(v));
            if (address < 0) {
                break;
            }
            out.add(address & ~0xFFFL);
        }
        return out;
    }

    Snapshot snapshot() {
        List<Optional<ShadowTranslation>> shadow = new ArrayList<>();
        List<List<Long>> entries = new ArrayList<>();
        for (int v = 0; v < ShadowLayout.VIEWS.size(); v++) {
            shadow.add(vm.shadowTranslation(view(v)));
            entries.add(entries(v));
        }
        List<HandlerState> phys = new ArrayList<>();
        List<HandlerState> virt = new ArrayList<>();
        for (long page : ShadowModel.statePages()) {
            phys.add(vm.memory().page(page).physHandler());
            virt.add(vm.memory().page(page).virtHandler());
        }
        List<Object> calls = new ArrayList<>();
        for (Handler h : model.handlers) {
            calls.add(vm.calls(h.id));
        }
        return new Snapshot(
                shadow,
                entries,
                phys,
                virt,
                calls,
                vm.memory().counts(),
                vm.memory().privateHostPages().size(),
                vm.guestPagingStructurePages());
    }

    /** Nothing a refused call can reach has changed. */
    Comparisons unchanged(Comparisons c, String rule, Snapshot before) {
        for (int v = 0; v < ShadowLayout.VIEWS.size(); v++) {
            long linear = view(v);
            Optional<ShadowTranslation> was = before.shadow().get(v);
            Optional<Target> t = model.target(v);
            String then = was.isEmpty() || t.isEmpty()
                    ? ShadowGherkin.notMapped(linear)
                    : ShadowGherkin.hostPage(linear, t.get().page());
            c.equal(
                    rule,
                    "the shadow translation of " + ShadowGherkin.hex(linear) + " after a refused call",
                    was,
                    () -> vm.shadowTranslation(linear),
                    then);
            List<Long> entries = before.entries().get(v);
            for (int level = 0; level < entries.size(); level++) {
                int l = level;
                c.equal(
                        rule,
                        "the guest's level-" + (level + 1) + " entry for " + ShadowGherkin.hex(linear)
                                + " after a refused call",
                        entries.get(level),
                        () -> tables.read(tables.entryAddressOf(l, linear)),
                        ShadowGherkin.entryReads(level + 1, linear, entries.get(level)));
            }
        }
        List<Long> pages = ShadowModel.statePages();
        for (int i = 0; i < pages.size(); i++) {
            long page = pages.get(i);
            c.equal(
                    rule,
                    "the physical handler state of " + ShadowGherkin.hex(page) + " after a refused call",
                    before.phys().get(i),
                    () -> vm.memory().page(page).physHandler(),
                    ShadowGherkin.physState(page, before.phys().get(i)));
            c.equal(
                    rule,
                    "the virtual handler state of " + ShadowGherkin.hex(page) + " after a refused call",
                    before.virt().get(i),
                    () -> vm.memory().page(page).virtHandler(),
                    ShadowGherkin.virtState(page, before.virt().get(i)));
        }
        calls(c, rule);
        org.gmck.spi.pgm.phys.PageCounts counts = (org.gmck.spi.pgm.phys.PageCounts) before.counts();
        c.equal(
                rule,
                "the page counts after a refused call",
                counts,
                () -> vm.memory().counts(),
                "the page counts are " + counts.zero() + " zero, " + counts.privately() + " private, " + counts.shared()
                        + " shared, " + counts.monitored() + " monitored and " + counts.writtenTo() + " written to");
        c.equal(
                rule,
                "the private host pages after a refused call",
                before.privatePages(),
                () -> vm.memory().privateHostPages().size(),
                "the VM owns " + before.privatePages() + " private host pages");
        for (long page : before.structures()) {
            c.that(
                    rule,
                    "the monitor still knows " + ShadowGherkin.hex(page)
                            + " as a guest paging structure after a refused call",
                    () -> vm.guestPagingStructurePages().contains(page),
                    "the monitor knows " + ShadowGherkin.hex(page) + " as a guest paging structure");
        }
        List<Long> now;
        try {
            now = vm.guestPagingStructurePages();
        } catch (RuntimeException e) {
            return c;
        }
        for (long page : now) {
            c.that(
                    rule,
                    "the monitor does not know " + ShadowGherkin.hex(page)
                            + " as a guest paging structure after a refused call",
                    () -> before.structures().contains(page),
                    "the monitor does not know " + ShadowGherkin.hex(page) + " as a guest paging structure");
        }
        return c;
    }

    /** Every handler's calls are the model's. */
    Comparisons calls(Comparisons c, String rule) {
        for (Handler h : model.handlers) {
            // A deregistered handler's calls stay as they were whatever happens (PGM-HND-7).
            c.equal(
                    h.live ? rule : "PGM-HND-7",
                    "the calls handler " + h.name + " received",
                    List.copyOf(h.calls),
                    () -> vm.calls(h.id),
                    ShadowGherkin.calls(h.name, h.calls));
        }
        return c;
    }

    /** The pages' physical handler states, and their virtual states left NONE (PGM-HND-15). */
    Comparisons states(Comparisons c, String rule) {
        for (long page : ShadowModel.statePages()) {
            HandlerState expected = model.physState(page);
            c.equal(
                    rule,
                    "the physical handler state of " + ShadowGherkin.hex(page),
                    expected,
                    () -> vm.memory().page(page).physHandler(),
                    ShadowGherkin.physState(page, expected));
            c.equal(
                    "PGM-HND-15",
                    "the virtual handler state of " + ShadowGherkin.hex(page),
                    HandlerState.NONE,
                    () -> vm.memory().page(page).virtHandler(),
                    ShadowGherkin.virtState(page, HandlerState.NONE));
        }
        return c;
    }

    /** View {@code v} is not in the shadow. */
    Comparisons notMapped(Comparisons c, String rule, int v, String why) {
        long linear = view(v);
        return c.equal(
                rule,
                "the shadow translation of " + ShadowGherkin.hex(linear) + " " + why,
                Optional.empty(),
                () -> vm.shadowTranslation(linear),
                ShadowGherkin.notMapped(linear));
    }

    /**
     * What every shadow translation may be whatever happened before: the host page behind the guest's current
     * translation or nothing (a stale one breaks {@code staleRule}), never more rights than the guest's leaf,
     * never writable where a rule takes write access away, nothing at all for an ALL-handled page.
     */
    Comparisons shadow(Comparisons c, String staleRule) {
        List<Long> structures;
        try {
            structures = vm.guestPagingStructurePages();
        } catch (RuntimeException e) {
            structures = List.of();
        }
        for (int v = 0; v < ShadowLayout.VIEWS.size(); v++) {
            long linear = view(v);
            Optional<Target> target = model.target(v);
            if (target.isEmpty() || !ShadowLayout.ram(target.get().page())) {
                notMapped(c, staleRule, v, "(the guest maps it to no RAM page now)");
                continue;
            }
            Target t = target.get();
            long page = t.page();
            Optional<Handler> handler = model.handlerOn(page);
            if (handler.isPresent() && handler.get().kind == PhysHandlerKind.ALL) {
                notMapped(c, "PGM-HND-5", v, "(its page is under a physical ALL handler)");
                continue;
            }
            c.that(
                    staleRule,
                    "the shadow maps " + ShadowGherkin.hex(linear) + " to the host page behind "
                            + ShadowGherkin.hex(page) + " or not at all",
                    () -> vm.shadowTranslation(linear)
                            .map(s -> s.hostPhys() == vm.memory().page(page).hostPhys())
                            .orElse(true),
                    ShadowGherkin.hostPageOrNothing(linear, page));
            readOnly(c, v, t, handler.isPresent());
            if (structures.contains(page)) {
                c.equal(
                        "PGM-SHW-11",
                        "whether the shadow maps " + ShadowGherkin.hex(linear) + " writable, a page the monitor "
                                + "knows as a guest paging structure",
                        false,
                        () -> vm.shadowTranslation(linear)
                                .map(ShadowTranslation::writable)
                                .orElse(false),
                        ShadowGherkin.notWritable(linear));
            }
            if (!t.rights().user()) {
                c.equal(
                        "PGM-SHW-6",
                        "whether the shadow maps " + ShadowGherkin.hex(linear) + " for user mode",
                        false,
                        () -> vm.shadowTranslation(linear)
                                .map(ShadowTranslation::user)
                                .orElse(false),
                        ShadowGherkin.notUser(linear));
            }
            if (model.variant.nx() && t.rights().noExecute()) {
                c.equal(
                        "PGM-SHW-6",
                        "whether the shadow maps " + ShadowGherkin.hex(linear) + " executable",
                        false,
                        () -> vm.shadowTranslation(linear)
                                .map(ShadowTranslation::executable)
                                .orElse(false),
                        ShadowGherkin.notExecutable(linear));
            }
        }
        return tracking(c);
    }

    /** The linear pages through which the guest's tables now reach {@code page}: its 4 KB slots and large-page pieces. */
    List<Long> linearsOf(long page) {
        List<Long> out = new ArrayList<>();
        for (int slot = 0; slot < ShadowLayout.SMALL_SLOTS; slot++) {
            if (model.target(slot).map(t -> t.page() == page).orElse(false)) {
                out.add(view(slot));
            }
        }
        ShadowModel.Leaf large = model.large;
        if (large != null
                && large.present()
                && page >= large.gcPhys()
                && page < large.gcPhys() + model.variant.largePage()) {
            out.add(ShadowLayout.LARGE + page - large.gcPhys());
        }
        return out;
    }

    /**
     * With pgm-introspection, the tracking word of each data page against the shadow entries that map it
     * (PGM-REC-9 to 11): zero with none, one reference with one, a list of extents with more.
     */
    private Comparisons tracking(Comparisons c) {
        if (!introspect) {
            return c;
        }
        for (long page : ShadowLayout.DATA) {
            int entries = 0;
            try {
                long host = vm.memory().page(page).hostPhys();
                for (long linear : linearsOf(page)) {
                    // An entry that maps another host page is not this page's (a stale one fails the shadow's own
                    // rules).
                    entries += vm.shadowTranslation(linear)
                                    .filter(t -> (t.hostPhys() & ~0xFFFL) == host)
                                    .isPresent()
                            ? 1
                            : 0;
                }
            } catch (RuntimeException e) {
                return c;
            }
            String at = ShadowGherkin.hex(page);
            if (entries == 0) {
                c.equal(
                        "PGM-REC-9",
                        "the tracking word of " + at + ", which no shadow entry maps",
                        0L,
                        () -> vm.memory().packedRecord(page)[1] >>> 32,
                        "the page at " + at + " is tracked by no shadow page table");
            } else if (entries == 1) {
                c.equal(
                        "PGM-REC-10",
                        "the reference count and spare bits of the tracking word of " + at
                                + ", which one shadow entry maps",
                        1L,
                        () -> vm.memory().packedRecord(page)[1] >>> 46,
                        "the page at " + at + " is tracked to one shadow page table");
            } else {
                c.that(
                        "PGM-REC-11",
                        "the tracking word of " + at + ", which " + entries + " shadow entries map, names a "
                                + "list of extents",
                        () -> {
                            long word = vm.memory().packedRecord(page)[1] >>> 32;
                            return word >>> 14 == 3 && (word & 0x3FFF) != 0x3FFF;
                        },
                        "the page at " + at + " is tracked through a list of physical extents");
            }
        }
        return c;
    }

    /** The rule that keeps view {@code v} read-only in the shadow now, if any. */
    Optional<String> readOnlyRule(Target t, boolean handled) {
        long page = t.page();
        if (!t.rights().writable()) {
            return Optional.of("PGM-SHW-6");
        }
        if (!t.rights().dirty()) {
            return Optional.of("PGM-SHW-27");
        }
        if (model.walked.contains(page)) {
            return Optional.of("PGM-SHW-11");
        }
        if (handled) {
            return Optional.of("PGM-HND-1");
        }
        return switch (model.kind(page)) {
            case ZERO -> Optional.of("PGM-SHW-7");
            case SHARED -> Optional.of("PGM-SHW-9");
            case MONITORED_UNWRITTEN -> Optional.of("PGM-SHW-10");
            default -> Optional.empty();
        };
    }

    private void readOnly(Comparisons c, int v, Target t, boolean handled) {
        long linear = view(v);
        readOnlyRule(t, handled)
                .ifPresent(rule -> c.equal(
                        rule,
                        "whether the shadow maps " + ShadowGherkin.hex(linear) + " writable",
                        false,
                        () -> vm.shadowTranslation(linear)
                                .map(ShadowTranslation::writable)
                                .orElse(false),
                        ShadowGherkin.notWritable(linear)));
    }
}
