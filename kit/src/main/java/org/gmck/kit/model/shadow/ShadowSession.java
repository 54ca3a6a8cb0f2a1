package org.gmck.kit.model.shadow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.gmck.kit.model.Comparisons;
import org.gmck.kit.model.Disagreement;
import org.gmck.kit.model.ModelSession;
import org.gmck.kit.model.Step;
import org.gmck.kit.model.shadow.ShadowModel.Handler;
import org.gmck.kit.model.shadow.ShadowModel.Leaf;
import org.gmck.kit.model.shadow.ShadowModel.Target;
import org.gmck.kit.model.shadow.ShadowOp.Rights;
import org.gmck.kit.steps.pgm.GuestTableWriter;
import org.gmck.kit.steps.pgm.GuestTableWriter.Layout;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.common.Status;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.handler.HandledVm;
import org.gmck.spi.pgm.handler.HandlerStatus;
import org.gmck.spi.pgm.phys.PageType;
import org.gmck.spi.pgm.phys.PhysStatus;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Loaded;

/**
 * One sequence of the shadow model: a shadow-paged VM with access handlers on the adapter, the guest's tables
 * written into its memory as the kit's steps write them, and the model beside it. Every operation is applied
 * to both, then compared (see {@link ShadowChecks} and {@link ShadowAccess}).
 */
final class ShadowSession implements ModelSession<ShadowOp> {

    private static final int UNKNOWN_ID = 4242;

    final ShadowVariant variant;
    final HandledVm vm;
    final GuestTableWriter tables;
    final ShadowModel model;
    final ShadowChecks checks;
    private final List<String> setup = new ArrayList<>();
    private final ShadowAccess accesses;
    private final List<Integer> ids = new ArrayList<>();

    ShadowSession(ConformanceAdapter adapter, ShadowVariant variant) {
        this.variant = variant;
        this.model = new ShadowModel(variant);
        vm = adapter.accessHandlers().newVm(variant.host(), (int) ShadowLayout.BUDGET);
        setup.add("a shadow-paged VM with access handlers on " + variant.hostText() + " host whose host can give it "
                + ShadowLayout.BUDGET + " pages");
        vm.memory().registerRange(PageType.RAM, 0, ShadowLayout.RAM_BYTES);
        setup.add("a RAM range of " + (ShadowLayout.RAM_BYTES >> 20) + " MB at 0x0");
        vm.memory().registerRange(PageType.MMIO, ShadowLayout.MMIO, 0x10000);
        setup.add("a MMIO range of 64 KB at " + ShadowGherkin.hex(ShadowLayout.MMIO));
        Layout layout = variant.guest().longMode()
                ? Layout.AMD64
                : variant.guest() == GuestMode.BITS32 ? Layout.BITS32 : Layout.PAE;
        tables = new GuestTableWriter(vm.memory(), layout, ShadowLayout.ROOT);
        setup.add("the guest keeps " + variant.guestText() + " page tables at " + ShadowGherkin.hex(ShadowLayout.ROOT));
        checks = new ShadowChecks(vm, tables, model, adapter.profiles().contains(Profile.PGM_INTROSPECTION));
        accesses = new ShadowAccess(this);
        Rights wu = new Rights(true, true, false, false);
        initialMap(0, ShadowLayout.DATA.get(0), wu);
        initialMap(1, ShadowLayout.DATA.get(0), wu);
        initialMap(2, ShadowLayout.DATA.get(1), new Rights(true, false, false, false));
        initialMap(3, ShadowLayout.DATA.get(1), new Rights(false, true, false, false));
        initialMap(4, ShadowLayout.DATA.get(2), new Rights(true, true, false, true));
        tables.mapLarge(ShadowLayout.LARGE, 0, variant.largePage(), flags(wu));
        model.large = new Leaf(true, 0, wu);
        setup.add(ShadowGherkin.mapLarge(ShadowLayout.LARGE, 0, wu, variant.largePage()));
        for (long page : List.of(ShadowLayout.DATA.get(0), ShadowLayout.DATA.get(1))) {
            long value = 0x1100 + (page >>> 12 & 0xF);
            vm.memory().write(page, 8, value);
            model.store(page, value);
            model.written(page);
            setup.add("the guest has written " + ShadowGherkin.hex(value) + " to the 8 bytes at "
                    + ShadowGherkin.hex(page));
        }
        for (int v = 0; v < ShadowLayout.VIEWS.size(); v++) {
            model.tablePages.addAll(checks.tablePages(v));
        }
        model.tablePages.forEach(model::written);
        LoadOutcome outcome = vm.loadControlRegisters(registers(ShadowLayout.ROOT));
        if (!(outcome instanceof Loaded)) {
            throw new IllegalStateException("the guest's control registers were not loaded: " + outcome);
        }
        setup.add("the guest has loaded CR3");
    }

    private void initialMap(int slot, long gcPhys, Rights rights) {
        tables.map(ShadowChecks.view(slot), gcPhys, flags(rights));
        model.small[slot] = new Leaf(true, gcPhys, rights);
        setup.add(ShadowGherkin.map(ShadowChecks.view(slot), gcPhys, rights));
    }

    static long flags(Rights r) {
        return (r.writable() ? GuestTableWriter.RW : 0)
                | (r.user() ? GuestTableWriter.US : 0)
                | (r.noExecute() ? GuestTableWriter.XD : 0)
                | (r.dirty() ? GuestTableWriter.D : 0);
    }

    /** The registers the kit's steps load for this guest (ShadowWorld does the same). */
    ControlRegisters registers(long cr3) {
        GuestMode mode = variant.guest();
        long cr0 = ControlRegisters.CR0_PE | ControlRegisters.CR0_PG | ControlRegisters.CR0_WP;
        long cr4 = mode == GuestMode.BITS32 ? 0 : ControlRegisters.CR4_PAE;
        if (mode == GuestMode.BITS32 && tables.usesLargePages()) {
            cr4 |= ControlRegisters.CR4_PSE;
        }
        long efer = mode.longMode() ? ControlRegisters.EFER_LME | ControlRegisters.EFER_LMA : 0;
        if (mode == GuestMode.PAE_NX || mode == GuestMode.AMD64_NX) {
            efer |= ControlRegisters.EFER_NXE;
        }
        return new ControlRegisters(cr0, cr3, cr4, efer);
    }

    @Override
    public List<String> setup() {
        return List.copyOf(setup);
    }

    @Override
    public Step apply(ShadowOp op) {
        if (op instanceof ShadowOp.MapPage m) {
            return mapPage(m);
        }
        if (op instanceof ShadowOp.MapLarge m) {
            return mapLarge(m);
        }
        if (op instanceof ShadowOp.Unmap u) {
            return unmap(u);
        }
        if (op instanceof ShadowOp.LoadCr3) {
            return loadCr3();
        }
        if (op instanceof ShadowOp.BadCr3 b) {
            return badCr3(b);
        }
        if (op instanceof ShadowOp.Invlpg i) {
            return invlpg(i);
        }
        if (op instanceof ShadowOp.SyncCr3) {
            return syncCr3();
        }
        if (op instanceof ShadowOp.Access a) {
            return accesses.access(a);
        }
        if (op instanceof ShadowOp.BadAccess b) {
            return accesses.badAccess(b);
        }
        if (op instanceof ShadowOp.Share s) {
            return share(s);
        }
        if (op instanceof ShadowOp.ArmMonitoring) {
            return arm();
        }
        if (op instanceof ShadowOp.RegisterPhysical r) {
            return register(r);
        }
        if (op instanceof ShadowOp.RegisterBadPhysical r) {
            return registerBad(r);
        }
        if (op instanceof ShadowOp.Deregister d) {
            return deregister(d);
        }
        return unknown((ShadowOp.UnknownHandler) op);
    }

    // --- the guest's tables, written with physical writes ---

    private Step mapPage(ShadowOp.MapPage m) {
        long linear = ShadowChecks.view(m.slot());
        String gherkin = ShadowGherkin.map(linear, m.gcPhys(), m.rights());
        Optional<Disagreement> failed =
                run("PGM-SHW-13", gherkin, () -> tables.map(linear, m.gcPhys(), flags(m.rights())));
        if (failed.isPresent()) {
            return Step.disagreed(gherkin, failed.get());
        }
        model.small[m.slot()] = new Leaf(true, m.gcPhys(), m.rights());
        checks.tablePages(m.slot()).forEach(model::written);
        return Step.agreed(gherkin)
                .or(checks.shadow(Comparisons.start(), "PGM-SHW-13").result());
    }

    private Step mapLarge(ShadowOp.MapLarge m) {
        String gherkin = ShadowGherkin.mapLarge(ShadowLayout.LARGE, m.gcPhys(), m.rights(), variant.largePage());
        Optional<Disagreement> failed = run(
                "PGM-SHW-13",
                gherkin,
                () -> tables.mapLarge(ShadowLayout.LARGE, m.gcPhys(), variant.largePage(), flags(m.rights())));
        if (failed.isPresent()) {
            return Step.disagreed(gherkin, failed.get());
        }
        model.large = new Leaf(true, m.gcPhys(), m.rights());
        checks.tablePages(ShadowLayout.SMALL_SLOTS).forEach(model::written);
        return Step.agreed(gherkin)
                .or(checks.shadow(Comparisons.start(), "PGM-SHW-13").result());
    }

    private Step unmap(ShadowOp.Unmap u) {
        long linear = ShadowChecks.view(u.view());
        boolean large = ShadowLayout.isLarge(linear);
        Leaf leaf = large ? model.large : model.small[u.view()];
        if (leaf == null || !leaf.present()) {
            return Step.skipped();
        }
        int level = checks.leafLevel(u.view());
        long at = large ? ShadowLayout.LARGE : linear;
        String gherkin = large ? ShadowGherkin.unmapAt(level + 1, at) : ShadowGherkin.unmapPage(at);
        Optional<Disagreement> failed =
                run("PGM-SHW-13", gherkin, () -> tables.change(level, at, GuestTableWriter.P, 0));
        if (failed.isPresent()) {
            return Step.disagreed(gherkin, failed.get());
        }
        Leaf gone = new Leaf(false, leaf.gcPhys(), leaf.rights());
        if (large) {
            model.large = gone;
        } else {
            model.small[u.view()] = gone;
        }
        checks.tablePages(u.view()).forEach(model::written);
        return Step.agreed(gherkin)
                .or(checks.shadow(Comparisons.start(), "PGM-SHW-13").result());
    }

    // --- CR3, INVLPG, SyncCR3 ---

    private Step loadCr3() {
        String gherkin = "the guest has loaded CR3";
        Outcome<LoadOutcome> outcome = Outcome.of(() -> vm.loadControlRegisters(registers(ShadowLayout.ROOT)));
        if (outcome.value().isEmpty() || !(outcome.value().get() instanceof Loaded)) {
            return Step.disagreed(
                    gherkin,
                    new Disagreement(
                            "PGM-SHW-15",
                            "loading the guest's own CR3 must load it, but " + outcome.describe(),
                            gherkin));
        }
        model.walked.clear();
        Comparisons c = Comparisons.start();
        c.equal(
                "PGM-SHW-25",
                "the VM's shadow mode",
                variant.shadowMode(),
                vm::shadowMode,
                "the VM's shadow mode is " + modeText(variant.shadowMode()));
        for (int v = 0; v < ShadowLayout.VIEWS.size(); v++) {
            checks.notMapped(c, "PGM-SHW-15", v, "right after a CR3 load");
        }
        return Step.agreed(gherkin).or(c.result());
    }

    static String modeText(org.gmck.spi.pgm.PagingMode mode) {
        return switch (mode) {
            case BITS32 -> "32-bit";
            default -> mode.name();
        };
    }

    private Step badCr3(ShadowOp.BadCr3 b) {
        long cr3 = b.mmio() ? ShadowLayout.MMIO : ShadowLayout.NO_RAM;
        String gherkin = "the guest loads CR3 with " + ShadowGherkin.hex(cr3);
        Status expected =
                b.mmio() ? PhysStatus.VERR_PGM_PHYS_PAGE_RESERVED : PhysStatus.VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS;
        ShadowChecks.Snapshot before = checks.snapshot();
        return refused("PGM-SHW-20", gherkin, expected, () -> vm.loadControlRegisters(registers(cr3)), before);
    }

    private Step invlpg(ShadowOp.Invlpg i) {
        long linear = ShadowChecks.view(i.view()) + i.offset();
        String gherkin = "the guest invalidates " + ShadowGherkin.hex(linear) + " with INVLPG";
        ShadowChecks.Snapshot before = checks.snapshot();
        Optional<Disagreement> failed = run("PGM-SHW-14", gherkin, () -> vm.invalidatePage(linear));
        if (failed.isPresent()) {
            return Step.disagreed(gherkin, failed.get());
        }
        Comparisons c = Comparisons.start();
        checks.notMapped(c, "PGM-SHW-14", i.view(), "right after INVLPG of " + ShadowGherkin.hex(linear));
        boolean large = ShadowLayout.isLarge(ShadowChecks.view(i.view()));
        for (int v = 0; v < ShadowLayout.VIEWS.size(); v++) {
            long other = ShadowChecks.view(v);
            // The other pieces of a guest large page may stay or go (interpretation I-PGM-14).
            if (v == i.view()
                    || large && ShadowLayout.isLarge(other)
                    || before.shadow().get(v).isEmpty()) {
                continue;
            }
            Optional<Target> t = model.target(v);
            String then =
                    t.isPresent() ? ShadowGherkin.hostPage(other, t.get().page()) : ShadowGherkin.notMapped(other);
            c.equal(
                    "PGM-SHW-14",
                    "the shadow translation of " + ShadowGherkin.hex(other) + " after INVLPG of "
                            + ShadowGherkin.hex(linear),
                    before.shadow().get(v),
                    () -> vm.shadowTranslation(other),
                    then);
        }
        return Step.agreed(gherkin).or(checks.shadow(c, "PGM-SHW-14").result());
    }

    private Step syncCr3() {
        String gherkin = "the VM syncs CR3";
        Optional<Disagreement> failed = run("PGM-SHW-16", gherkin, vm::syncCr3);
        if (failed.isPresent()) {
            return Step.disagreed(gherkin, failed.get());
        }
        model.walked.clear();
        Comparisons c = Comparisons.start();
        for (int v = 0; v < ShadowLayout.VIEWS.size(); v++) {
            checks.notMapped(c, "PGM-SHW-16", v, "right after SyncCR3");
        }
        return Step.agreed(gherkin).or(c.result());
    }

    // --- guest memory ---

    private Step share(ShadowOp.Share s) {
        long page = ShadowLayout.DATA.get(s.page());
        if (model.kind(page) != ShadowModel.PageKind.PRIVATE
                || model.handlerOn(page).isPresent()) {
            return Step.skipped();
        }
        String gherkin = "I share the page at " + ShadowGherkin.hex(page);
        Optional<Disagreement> failed =
                run("PGM-SHW-9", gherkin, () -> vm.memory().sharePage(page));
        if (failed.isPresent()) {
            return Step.disagreed(gherkin, failed.get());
        }
        model.shared(page);
        return Step.agreed(gherkin)
                .or(checks.shadow(Comparisons.start(), "PGM-SHW-9").result());
    }

    private Step arm() {
        String gherkin = "write monitoring is armed";
        Optional<Disagreement> failed =
                run("PGM-SHW-10", gherkin, () -> vm.memory().writeMonitorAll());
        if (failed.isPresent()) {
            return Step.disagreed(gherkin, failed.get());
        }
        model.armed();
        return Step.agreed(gherkin)
                .or(checks.shadow(Comparisons.start(), "PGM-SHW-10").result());
    }

    // --- physical handlers ---

    private Step register(ShadowOp.RegisterPhysical r) {
        long first = ShadowLayout.HANDLER_PAGES.get(r.page());
        long last = first + (long) r.pages() * 0x1000 - 1;
        String name = "P" + (model.handlers.size() + 1);
        String gherkin = ShadowGherkin.registerPhysical(r.kind(), name, first, last);
        ShadowChecks.Snapshot before = checks.snapshot();
        if (model.overlapsLive(first, last)) {
            return refused(
                    "PGM-HND-9",
                    gherkin,
                    HandlerStatus.VERR_PGM_HANDLER_PHYSICAL_CONFLICT,
                    () -> vm.registerPhysical(r.kind(), first, last),
                    before);
        }
        Outcome<Integer> outcome = Outcome.of(() -> vm.registerPhysical(r.kind(), first, last));
        if (outcome.value().isEmpty()) {
            return Step.disagreed(
                    gherkin,
                    new Disagreement(
                            "PGM-HND-1",
                            "registering a physical " + r.kind() + " handler over " + ShadowGherkin.hex(first) + "-"
                                    + ShadowGherkin.hex(last) + " must be accepted, but " + outcome.describe(),
                            "the handler call is accepted"));
        }
        int id = outcome.value().get();
        ids.add(id);
        model.handlers.add(new Handler(id, name, r.kind(), first, last));
        Comparisons c = Comparisons.start();
        for (int v = 0; v < ShadowLayout.VIEWS.size(); v++) {
            Optional<Target> t = model.target(v);
            if (t.isPresent() && t.get().page() >= first && t.get().page() <= last) {
                checks.notMapped(c, "PGM-HND-2", v, "right after a physical handler was registered over its page");
            }
        }
        checks.states(c, "PGM-HND-1");
        checks.calls(c, "PGM-HND-1");
        return Step.agreed(gherkin).or(checks.shadow(c, "PGM-HND-2").result());
    }

    private Step registerBad(ShadowOp.RegisterBadPhysical r) {
        long p = ShadowLayout.HANDLER_PAGES.get(r.page());
        List<Handler> live = model.handlers.stream().filter(h -> h.live).toList();
        Handler h = live.isEmpty() ? null : live.get(r.page() % live.size());
        long first;
        long last;
        String rule;
        HandlerStatus status;
        switch (r.shape()) {
            case REVERSED, SINGLE_BYTE, UNALIGNED_START, UNALIGNED_END -> {
                if (model.overlapsLive(p - 0x1000, p + 0x1FFF)) {
                    return Step.skipped();
                }
                first = switch (r.shape()) {
                    case REVERSED -> p + 0x1000;
                    case UNALIGNED_START -> p + 0x10;
                    default -> p;
                };
                last = switch (r.shape()) {
                    case REVERSED -> p + 0xFFF;
                    case SINGLE_BYTE -> p;
                    case UNALIGNED_END -> p + 0x7FF;
                    default -> p + 0xFFF;
                };
                rule = "PGM-HND-8";
                status = HandlerStatus.VERR_INVALID_PARAMETER;
            }
            case OVERLAP_BELOW, OVERLAP_ABOVE, IDENTICAL -> {
                if (h == null) {
                    return Step.skipped();
                }
                first = r.shape() == ShadowOp.BadShape.OVERLAP_BELOW
                        ? h.first - 0x1000
                        : r.shape() == ShadowOp.BadShape.OVERLAP_ABOVE ? h.last - 0xFFF : h.first;
                last = r.shape() == ShadowOp.BadShape.OVERLAP_BELOW
                        ? h.first + 0xFFF
                        : r.shape() == ShadowOp.BadShape.OVERLAP_ABOVE ? h.last + 0x1000 : h.last;
                rule = "PGM-HND-9";
                status = HandlerStatus.VERR_PGM_HANDLER_PHYSICAL_CONFLICT;
            }
            default -> {
                first = r.shape() == ShadowOp.BadShape.CROSSES_RAM_END ? ShadowLayout.RAM_BYTES - 0x1000 : 0x300_0000L;
                last = first + 0x1FFF;
                rule = "PGM-HND-10";
                status = HandlerStatus.VERR_PGM_HANDLER_PHYSICAL_NO_RAM_RANGE;
            }
        }
        String gherkin = ShadowGherkin.registerPhysical(r.kind(), "P" + (model.handlers.size() + 1), first, last);
        ShadowChecks.Snapshot before = checks.snapshot();
        return refused(rule, gherkin, status, () -> vm.registerPhysical(r.kind(), first, last), before);
    }

    private Step deregister(ShadowOp.Deregister d) {
        if (model.handlers.isEmpty()) {
            return Step.skipped();
        }
        Handler h = model.handlers.get(d.pick() % model.handlers.size());
        String gherkin = "I deregister handler \"" + h.name + "\"";
        ShadowChecks.Snapshot before = checks.snapshot();
        if (!h.live) {
            return refused(
                    "PGM-HND-12",
                    gherkin,
                    HandlerStatus.VERR_PGM_HANDLER_NOT_FOUND,
                    () -> {
                        vm.deregister(h.id);
                        return null;
                    },
                    before);
        }
        Optional<Disagreement> failed = run("PGM-HND-7", gherkin, () -> vm.deregister(h.id));
        if (failed.isPresent()) {
            return Step.disagreed(gherkin, failed.get());
        }
        h.live = false;
        Comparisons c = Comparisons.start();
        checks.states(c, "PGM-HND-7");
        checks.calls(c, "PGM-HND-7");
        return Step.agreed(gherkin).or(checks.shadow(c, "PGM-HND-7").result());
    }

    private Step unknown(ShadowOp.UnknownHandler u) {
        if (ids.contains(UNKNOWN_ID)) {
            return Step.skipped();
        }
        ShadowChecks.Snapshot before = checks.snapshot();
        if (u.calls()) {
            return refused(
                    "PGM-HND-13",
                    "I ask for the calls of a handler with id " + UNKNOWN_ID + ", which was never handed out",
                    HandlerStatus.VERR_PGM_HANDLER_NOT_FOUND,
                    () -> vm.calls(UNKNOWN_ID),
                    before);
        }
        return refused(
                "PGM-HND-11",
                "I deregister a handler with id " + UNKNOWN_ID + ", which was never handed out",
                HandlerStatus.VERR_PGM_HANDLER_NOT_FOUND,
                () -> {
                    vm.deregister(UNKNOWN_ID);
                    return null;
                },
                before);
    }

    // --- outcomes ---

    /** A call that must be refused with {@code status} and change nothing. */
    Step refused(String rule, String gherkin, Status status, Supplier<?> call, ShadowChecks.Snapshot before) {
        Outcome<?> outcome = Outcome.of(call);
        String then = ShadowGherkin.rejected((Enum<?>) status);
        if (outcome.rejected().map(e -> e.status() != status).orElse(true)) {
            return Step.disagreed(
                    gherkin,
                    new Disagreement(
                            rule, gherkin + ": must be refused with " + status + ", but " + outcome.describe(), then));
        }
        return Step.agreed(gherkin)
                .or(checks.unchanged(Comparisons.start(), rule, before).result());
    }

    /** Runs a call that must be accepted; a refusal or a crash is a disagreement on {@code rule}. */
    static Optional<Disagreement> run(String rule, String gherkin, Runnable call) {
        Outcome<Object> outcome = Outcome.of(() -> {
            call.run();
            return Boolean.TRUE;
        });
        if (outcome.value().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(
                new Disagreement(rule, gherkin + ": must be carried out, but " + outcome.describe(), gherkin));
    }

    /** What a call into the adapter gave: a value, a refusal or another failure. */
    record Outcome<T>(Optional<T> value, Optional<RejectedException> rejected, Optional<RuntimeException> crashed) {

        static <T> Outcome<T> of(Supplier<T> call) {
            try {
                T v = call.get();
                return new Outcome<>(
                        Optional.ofNullable(v).or(() -> Optional.of(nothing())), Optional.empty(), Optional.empty());
            } catch (RejectedException e) {
                return new Outcome<>(Optional.empty(), Optional.of(e), Optional.empty());
            } catch (RuntimeException e) {
                return new Outcome<>(Optional.empty(), Optional.empty(), Optional.of(e));
            }
        }

        @SuppressWarnings("unchecked")
        private static <T> T nothing() {
            return (T) "no value";
        }

        String describe() {
            if (rejected.isPresent()) {
                return "the adapter refused it with " + rejected.get().status() + " ("
                        + rejected.get().getMessage() + ")";
            }
            if (crashed.isPresent()) {
                return "the adapter failed: " + crashed.get();
            }
            return "the adapter accepted it (" + value.get() + ")";
        }
    }

    @Override
    public List<String> checks() {
        List<String> out = new ArrayList<>();
        out.add("the VM's shadow mode is " + modeText(variant.shadowMode()));
        for (int v = 0; v < ShadowLayout.VIEWS.size(); v++) {
            long linear = ShadowChecks.view(v);
            Optional<Target> target = model.target(v);
            if (target.isEmpty() || !ShadowLayout.ram(target.get().page())) {
                out.add(ShadowGherkin.notMapped(linear));
                continue;
            }
            Target t = target.get();
            Optional<Handler> handler = model.handlerOn(t.page());
            if (handler.isPresent() && handler.get().kind == org.gmck.spi.pgm.handler.PhysHandlerKind.ALL) {
                out.add(ShadowGherkin.notMapped(linear));
                continue;
            }
            out.add(ShadowGherkin.hostPageOrNothing(linear, t.page()));
            if (checks.readOnlyRule(t, handler.isPresent()).isPresent()) {
                out.add(ShadowGherkin.notWritable(linear));
            }
            if (!t.rights().user()) {
                out.add(ShadowGherkin.notUser(linear));
            }
            if (variant.nx() && t.rights().noExecute()) {
                out.add(ShadowGherkin.notExecutable(linear));
            }
            if (t.rights().dirty()) {
                out.add(ShadowGherkin.flagSet(
                        checks.leafLevel(v) + 1, ShadowLayout.isLarge(linear) ? ShadowLayout.LARGE : linear, true));
            }
        }
        for (long page : ShadowModel.statePages()) {
            out.add(ShadowGherkin.physState(page, model.physState(page)));
        }
        for (Handler h : model.handlers) {
            out.add(ShadowGherkin.calls(h.name, h.calls));
        }
        return out;
    }
}
