package org.gmck.kit.model.pgm;

import static org.gmck.kit.model.pgm.GuestMemorySlots.PAGE;
import static org.gmck.kit.model.pgm.GuestMemorySlots.TOP;
import static org.gmck.spi.pgm.phys.PhysStatus.VERR_EM_NO_MEMORY;
import static org.gmck.spi.pgm.phys.PhysStatus.VERR_INVALID_PARAMETER;
import static org.gmck.spi.pgm.phys.PhysStatus.VERR_OUT_OF_RANGE;
import static org.gmck.spi.pgm.phys.PhysStatus.VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS;
import static org.gmck.spi.pgm.phys.PhysStatus.VERR_PGM_PHYS_INVALID_PAGE_STATE;
import static org.gmck.spi.pgm.phys.PhysStatus.VERR_PGM_PHYS_MISALIGNED_ACCESS;
import static org.gmck.spi.pgm.phys.PhysStatus.VERR_PGM_PHYS_NOT_RAM;
import static org.gmck.spi.pgm.phys.PhysStatus.VERR_PGM_PHYS_PAGE_RESERVED;
import static org.gmck.spi.pgm.phys.PhysStatus.VERR_PGM_RAM_CONFLICT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.gmck.kit.model.Disagreement;
import org.gmck.kit.model.ModelSession;
import org.gmck.kit.model.Step;
import org.gmck.kit.model.pgm.GuestMemoryOp.Target;
import org.gmck.kit.model.pgm.ModelPage.Backing;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.common.Status;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.HostPlacement;
import org.gmck.spi.pgm.phys.PageState;
import org.gmck.spi.pgm.phys.PageType;
import org.gmck.spi.pgm.phys.PhysPage;
import org.gmck.spi.pgm.phys.PhysStatus;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;

/**
 * One sequence of the guest-memory model: a VM of the variant on the adapter with a RAM range at slot 0, and
 * the model's state beside it. Each operation is applied to both; its answer or refusal is compared, then
 * every page, the page counts, the private host pages, the tracking bytes and, with pgm-introspection, the
 * records of the pages the operation touched (see {@link GuestMemoryChecks}).
 */
final class GuestMemorySession implements ModelSession<GuestMemoryOp> {

    /** What a call into the adapter did: its answer, or its typed refusal. */
    private record Outcome(Object value, RejectedException refusal) {}

    private final GuestMemoryFactory factory;
    private final GuestPhysicalMemory memory;
    private final GuestMemoryState model;
    private final GuestMemoryChecks checks;
    private final List<String> setup = new ArrayList<>();
    /** Where the guest last wrote, for reads that read it back. */
    private long lastWrite;

    GuestMemorySession(ConformanceAdapter adapter, GuestMemoryVariant variant) {
        factory = adapter.guestMemory();
        switch (variant.vm()) {
            case SHADOW_PAGED -> {
                memory = factory.newShadowVm(PagingMode.PAE, variant.budget()).memory();
                setup.add("a shadow-paged VM on a PAE host whose host can give it " + variant.budget() + " pages");
            }
            default -> {
                if (variant.placement().isPresent()) {
                    HostPlacement at = variant.placement().get();
                    memory = factory.newGuestMemory(variant.budget(), at);
                    setup.add("a VM whose host hands out pages from host address "
                            + GuestMemoryGherkin.hex(at.firstHostPhys())
                            + " with page ids from " + GuestMemoryGherkin.hex(at.firstPageId()) + " and can give it "
                            + variant.budget() + " pages");
                } else {
                    memory = factory.newGuestMemory(variant.budget());
                    setup.add("a VM whose host can give it " + variant.budget() + " pages");
                }
            }
        }
        model = new GuestMemoryState(
                variant.budget(), variant.placement().map(p -> new HostLedger(p, variant.budget())));
        memory.registerRange(PageType.RAM, 0, GuestMemorySlots.FIRST_RAM_SIZE);
        model.add(PageType.RAM, 0, GuestMemorySlots.FIRST_RAM_SIZE);
        setup.add("a " + GuestMemoryGherkin.type(PageType.RAM) + " range of "
                + GuestMemoryGherkin.size(GuestMemorySlots.FIRST_RAM_SIZE) + " at " + GuestMemoryGherkin.hex(0));
        variant.records()
                .ifPresent(layout ->
                        setup.add(GuestMemoryGherkin.readRecordsIn(layout.name().toLowerCase(java.util.Locale.ROOT))));
        checks = new GuestMemoryChecks(memory, model, variant.records().map(l -> new GuestMemoryRecords(memory, l)));
    }

    @Override
    public List<String> setup() {
        return List.copyOf(setup);
    }

    @Override
    public List<String> checks() {
        return checks.wholeState();
    }

    @Override
    public Step apply(GuestMemoryOp op) {
        if (op instanceof GuestMemoryOp.Register r) {
            return register(r);
        }
        if (op instanceof GuestMemoryOp.Read r) {
            return read(r);
        }
        if (op instanceof GuestMemoryOp.Write w) {
            return write(w);
        }
        if (op instanceof GuestMemoryOp.Share s) {
            return share(s);
        }
        if (op instanceof GuestMemoryOp.ArmWriteMonitoring) {
            return arm();
        }
        if (op instanceof GuestMemoryOp.AskPage a) {
            return askPage(a);
        }
        if (op instanceof GuestMemoryOp.AskRecord a) {
            return askRecord(a);
        }
        if (op instanceof GuestMemoryOp.CreateVm c) {
            return createVm(c);
        }
        return createPlacedVm((GuestMemoryOp.CreatePlacedVm) op);
    }

    // --- the operations ---

    private Step register(GuestMemoryOp.Register op) {
        long[] range = GuestMemorySlots.range(op.slot(), op.shape());
        long start = range[0];
        long size = range[1];
        PageType type = op.type();
        Set<PhysStatus> refusals = new LinkedHashSet<>();
        if (size <= 0
                || (start & (PAGE - 1)) != 0
                || (size & (PAGE - 1)) != 0
                || Long.compareUnsigned(start, TOP) >= 0
                || size > TOP - start) {
            refusals.add(VERR_INVALID_PARAMETER);
        }
        if (size > 0 && model.overlaps(start, size)) {
            refusals.add(VERR_PGM_RAM_CONFLICT);
        }
        boolean backed = type == PageType.ROM || type == PageType.MMIO2;
        if (backed && size > 0 && model.held() + (size + PAGE - 1) / PAGE > model.budget) {
            refusals.add(VERR_EM_NO_MEMORY);
        }
        String rule = switch (type) {
            case RAM -> "PGM-PHYS-1";
            case ROM -> "PGM-PHYS-11";
            case MMIO2, SHADOWED_ROM -> "PGM-PHYS-12";
            default -> "PGM-PHYS-14";
        };
        String gherkin = GuestMemoryGherkin.register(type, start, size);
        Outcome outcome = call(() -> {
            memory.registerRange(type, start, size);
            return Boolean.TRUE;
        });
        Optional<Disagreement> wrong = outcome(
                "registering a " + type + " range of " + GuestMemoryGherkin.hex(size) + " bytes at "
                        + GuestMemoryGherkin.hex(start),
                outcome,
                refusals,
                rule,
                GuestMemoryGherkin.accepted());
        if (wrong.isPresent() || outcome.refusal() != null) {
            return refused(gherkin, wrong, outcome, List.of());
        }
        List<ModelPage> added = model.add(type, start, size);
        List<ModelPage> fresh = new ArrayList<>();
        if (backed) {
            for (ModelPage page : added) {
                page.state = PageState.ALLOCATED;
                page.origin = rule;
                fresh.add(page);
            }
        }
        long others = type == PageType.MMIO || type == PageType.RESERVED ? added.size() : 0;
        return Step.agreed(gherkin).or(checks.compare(Why.of(rule), added, fresh, Map.of(), false, others));
    }

    private Step read(GuestMemoryOp.Read op) {
        long address = pageAddress(op.target()) + GuestMemorySlots.offset(op.access(), lastWrite & (PAGE - 1));
        int width = op.access().width();
        ModelPage page = model.page(address);
        Set<PhysStatus> refusals = accessRefusals(page, address, width);
        String gherkin = GuestMemoryGherkin.read(address, width);
        Outcome outcome = call(() -> memory.read(address, width));
        long offset = address & (PAGE - 1);
        String rule = refusals.isEmpty() ? page.readRule(offset, width) : "PGM-PHYS-21";
        Optional<Disagreement> wrong = outcome(
                "reading " + width + " bytes at " + GuestMemoryGherkin.hex(address),
                outcome,
                refusals,
                rule,
                GuestMemoryGherkin.readReturns(refusals.isEmpty() ? page.read(offset, width) : 0));
        if (wrong.isPresent() || outcome.refusal() != null) {
            return refused(gherkin, wrong, outcome, touched(page));
        }
        long expected = page.read(offset, width);
        long actual = (Long) outcome.value();
        if (actual != expected) {
            return Step.disagreed(
                    gherkin,
                    new Disagreement(
                            rule,
                            "reading " + width + " bytes at " + GuestMemoryGherkin.hex(address)
                                    + " of a " + page.type + " page in state " + page.state + ": expected "
                                    + GuestMemoryGherkin.hex(expected)
                                    + ", got " + GuestMemoryGherkin.hex(actual),
                            GuestMemoryGherkin.readReturns(expected)));
        }
        return Step.agreed(gherkin)
                .or(checks.compare(Why.of("PGM-PHYS-2"), touched(page), List.of(), Map.of(), false, 0));
    }

    private Step write(GuestMemoryOp.Write op) {
        long address = pageAddress(op.target()) + GuestMemorySlots.offset(op.access(), lastWrite & (PAGE - 1));
        int width = op.access().width();
        long value = op.value();
        lastWrite = address;
        ModelPage page = model.page(address);
        Set<PhysStatus> refusals = accessRefusals(page, address, width);
        boolean needsPage =
                page != null && page.isMemory() && (page.state == PageState.ZERO || page.state == PageState.SHARED);
        if (refusals.isEmpty() && needsPage && model.held() >= model.budget) {
            refusals.add(VERR_EM_NO_MEMORY);
        }
        String rule = page == null || !page.isMemory() ? "PGM-PHYS-21" : writeRule(page);
        String gherkin = GuestMemoryGherkin.write(address, width, value);
        Outcome outcome = call(() -> {
            memory.write(address, width, value);
            return Boolean.TRUE;
        });
        Optional<Disagreement> wrong = outcome(
                "writing " + GuestMemoryGherkin.hex(value) + " to the " + width + " bytes at "
                        + GuestMemoryGherkin.hex(address),
                outcome,
                refusals,
                rule,
                GuestMemoryGherkin.accepted());
        if (wrong.isPresent() || outcome.refusal() != null) {
            return refused(gherkin, wrong, outcome, touched(page));
        }
        long offset = address & (PAGE - 1);
        List<ModelPage> fresh = new ArrayList<>();
        Map<ModelPage, Backing> givenBack = new HashMap<>();
        Why why = Why.of(rule);
        if (page.type == PageType.ROM) {
            return Step.agreed(gherkin).or(checks.compare(why, touched(page), fresh, givenBack, false, 0));
        }
        switch (page.state) {
            case ZERO -> {
                page.state = PageState.ALLOCATED;
                page.rebacked(null, null, rule);
                fresh.add(page);
            }
            case SHARED -> {
                givenBack.put(page, page.backing);
                page.state = PageState.ALLOCATED;
                page.rebacked(null, page.bytes == null ? null : page.bytes.clone(), rule);
                fresh.add(page);
            }
            case WRITE_MONITORED -> {
                page.state = PageState.ALLOCATED;
                page.writtenTo = Boolean.TRUE;
                why = why.withState(page, "PGM-PHYS-9");
            }
            default -> {
                // a normal page takes the write in place
            }
        }
        page.write(offset, width, value);
        return Step.agreed(gherkin).or(checks.compare(why, touched(page), fresh, givenBack, false, 0));
    }

    private Step share(GuestMemoryOp.Share op) {
        long address = pageAddress(op.target());
        ModelPage page = model.page(address);
        Set<PhysStatus> refusals = new LinkedHashSet<>();
        if (page == null) {
            refusals.add(VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS);
        } else if (page.type != PageType.RAM) {
            refusals.add(VERR_PGM_PHYS_NOT_RAM);
            if (page.state != PageState.ALLOCATED) {
                refusals.add(VERR_PGM_PHYS_INVALID_PAGE_STATE);
            }
        } else if (page.state != PageState.ALLOCATED) {
            refusals.add(VERR_PGM_PHYS_INVALID_PAGE_STATE);
        } else if (model.held() >= model.budget) {
            refusals.add(VERR_EM_NO_MEMORY);
        }
        String gherkin = GuestMemoryGherkin.share(address);
        Outcome outcome = call(() -> {
            memory.sharePage(address);
            return Boolean.TRUE;
        });
        Optional<Disagreement> wrong = outcome(
                "sharing the page at " + GuestMemoryGherkin.hex(address),
                outcome,
                refusals,
                "PGM-PHYS-6",
                GuestMemoryGherkin.accepted());
        if (wrong.isPresent() || outcome.refusal() != null) {
            return refused(gherkin, wrong, outcome, touched(page));
        }
        Map<ModelPage, Backing> givenBack = new HashMap<>();
        givenBack.put(page, page.backing);
        page.state = PageState.SHARED;
        page.backing = null;
        if (Boolean.TRUE.equals(page.writtenTo)) {
            page.writtenTo = null;
        }
        model.sharedEver = true;
        return Step.agreed(gherkin)
                .or(checks.compare(Why.of("PGM-PHYS-6"), touched(page), List.of(page), givenBack, true, 0));
    }

    private Step arm() {
        Why why = Why.of("PGM-PHYS-7");
        boolean cleared = false;
        for (ModelPage page : model.pages()) {
            if (Boolean.TRUE.equals(page.writtenTo) && page.isPrivate()) {
                why = why.withState(page, "PGM-PHYS-9").withFlag(page, "PGM-PHYS-9");
                cleared = true;
            }
            if ((page.type == PageType.RAM || page.type == PageType.MMIO2) && page.state == PageState.ALLOCATED) {
                page.state = PageState.WRITE_MONITORED;
                page.writtenTo = Boolean.FALSE;
            }
        }
        if (cleared) {
            why = why.withCounts("PGM-PHYS-9");
        }
        String gherkin = GuestMemoryGherkin.arm();
        Outcome outcome = call(() -> {
            memory.writeMonitorAll();
            return Boolean.TRUE;
        });
        Optional<Disagreement> wrong =
                outcome("arming write monitoring", outcome, Set.of(), "PGM-PHYS-7", GuestMemoryGherkin.accepted());
        if (wrong.isPresent()) {
            return Step.disagreed(gherkin, wrong.get());
        }
        return Step.agreed(gherkin).or(checks.compare(why, model.all(), List.of(), Map.of(), false, 0));
    }

    private Step askPage(GuestMemoryOp.AskPage op) {
        long base = pageAddress(op.target());
        long address = base + (op.target().index() * 0x238L & (PAGE - 8));
        ModelPage page = model.page(address);
        Set<PhysStatus> refusals = page == null ? Set.of(VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS) : Set.of();
        String gherkin = GuestMemoryGherkin.askPage(address);
        Outcome outcome = call(() -> memory.page(address));
        Optional<Disagreement> wrong = outcome(
                "asking for the page at " + GuestMemoryGherkin.hex(address),
                outcome,
                refusals,
                "PGM-PHYS-15",
                GuestMemoryGherkin.accepted());
        if (wrong.isPresent() || outcome.refusal() != null) {
            return refused(gherkin, wrong, outcome, touched(page));
        }
        return Step.agreed(gherkin)
                .or(checks.compare(Why.of("PGM-PHYS-15"), touched(page), List.of(), Map.of(), false, 0));
    }

    private Step askRecord(GuestMemoryOp.AskRecord op) {
        long address = pageAddress(op.target());
        ModelPage page = model.page(address);
        GuestMemoryRecords records = checks.records().orElseThrow();
        Set<PhysStatus> refusals = new LinkedHashSet<>();
        String rule = "PGM-REC-1";
        if (page == null) {
            refusals.add(VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS);
        } else {
            long host = checks.hostOf(page);
            if (!records.holds(host)) {
                refusals.add(VERR_OUT_OF_RANGE);
            } else if (Long.compareUnsigned(host, 1L << 40) >= 0) {
                rule = "PGM-REC-14";
            }
        }
        String gherkin = GuestMemoryGherkin.askRecord(address);
        Outcome outcome = call(() -> records.ask(address));
        Optional<Disagreement> wrong = outcome(
                "asking for the " + records.layout + " record at " + GuestMemoryGherkin.hex(address),
                outcome,
                refusals,
                rule,
                GuestMemoryGherkin.recordWords(address));
        if (wrong.isPresent() || outcome.refusal() != null) {
            return refused(gherkin, wrong, outcome, touched(page));
        }
        return Step.agreed(gherkin).or(checks.compare(Why.of(rule), touched(page), List.of(), Map.of(), false, 0));
    }

    private Step createVm(GuestMemoryOp.CreateVm op) {
        int pages = op.hostPages();
        Set<PhysStatus> refusals = pages < 0 ? Set.of(VERR_INVALID_PARAMETER) : Set.of();
        String gherkin = op.shadowPaged()
                ? "I create a shadow-paged VM on a PAE host whose host can give it " + pages + " pages"
                : "I create a VM whose host can give it " + pages + " pages";
        Outcome outcome = call(
                () -> op.shadowPaged() ? factory.newShadowVm(PagingMode.PAE, pages) : factory.newGuestMemory(pages));
        return outcomeOnly(
                gherkin,
                outcome(
                        "creating a " + (op.shadowPaged() ? "shadow-paged " : "") + "VM with a budget of " + pages
                                + " host pages",
                        outcome,
                        refusals,
                        "PGM-PHYS-20",
                        "the VM is created"));
    }

    private Step createPlacedVm(GuestMemoryOp.CreatePlacedVm op) {
        long host = op.firstHostPhys();
        long id = op.firstPageId();
        int pages = op.hostPages();
        boolean fits = (host & (PAGE - 1)) == 0
                && host + pages * PAGE <= 1L << 48
                && id != 0
                && id + pages - 1 < PhysPage.NIL_PAGE_ID;
        Set<PhysStatus> refusals = pages < 0 || !fits ? Set.of(VERR_INVALID_PARAMETER) : Set.of();
        String gherkin = "I create a VM whose host hands out pages from host address " + GuestMemoryGherkin.hex(host)
                + " with page ids from " + GuestMemoryGherkin.hex(id) + " and can give it " + pages + " pages";
        Outcome outcome = call(() -> factory.newGuestMemory(pages, new HostPlacement(host, (int) id)));
        return outcomeOnly(
                gherkin,
                outcome(
                        "creating a VM whose host hands out " + pages + " pages from " + GuestMemoryGherkin.hex(host)
                                + " with ids from " + GuestMemoryGherkin.hex(id),
                        outcome,
                        refusals,
                        pages < 0 ? "PGM-PHYS-20" : "PGM-REC-20",
                        "the VM is created"));
    }

    // --- helpers ---

    /** Where a target lies: the page it names, or a fixed address outside the slots. */
    private long pageAddress(Target target) {
        if (target.aim() == GuestMemoryOp.Aim.OUTSIDE) {
            return GuestMemorySlots.outside(target.index());
        }
        if (target.aim() == GuestMemoryOp.Aim.LAST_WRITE && model.page(lastWrite) != null) {
            return lastWrite & -PAGE;
        }
        List<ModelPage> pages = switch (target.aim()) {
            case PRIVATE_RAM_PAGE ->
                model.ram().stream().filter(ModelPage::isPrivate).toList();
            case SHARED_PAGE ->
                model.ram().stream().filter(p -> p.state == PageState.SHARED).toList();
            default -> List.of();
        };
        if (pages.isEmpty()
                && target.aim() != GuestMemoryOp.Aim.ANY_PAGE
                && target.aim() != GuestMemoryOp.Aim.LAST_WRITE) {
            pages = model.ram();
        }
        if (pages.isEmpty()) {
            pages = model.all();
        }
        return pages.get(Math.floorMod(target.index(), pages.size())).gcPhys;
    }

    private static List<ModelPage> touched(ModelPage page) {
        return page == null ? List.of() : List.of(page);
    }

    /** The refusals an access may get: outside every range, a bad width or alignment, not memory. */
    private static Set<PhysStatus> accessRefusals(ModelPage page, long address, int width) {
        Set<PhysStatus> refusals = new LinkedHashSet<>();
        if (page == null) {
            refusals.add(VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS);
        }
        boolean natural = width == 1 || width == 2 || width == 4 || width == 8;
        if (!natural || Math.floorMod(address, width) != 0) {
            refusals.add(VERR_PGM_PHYS_MISALIGNED_ACCESS);
        }
        if (page != null && !page.isMemory()) {
            refusals.add(VERR_PGM_PHYS_PAGE_RESERVED);
        }
        return refusals;
    }

    /** The rule a write to this page answers to, by what it has to do. */
    private static String writeRule(ModelPage page) {
        if (page.type == PageType.ROM) {
            return "PGM-PHYS-11";
        }
        return switch (page.state) {
            case ZERO -> page.type == PageType.RAM ? "PGM-PHYS-3" : "PGM-PHYS-12";
            case SHARED -> "PGM-PHYS-5";
            case WRITE_MONITORED -> "PGM-PHYS-8";
            default -> "PGM-PHYS-4";
        };
    }

    private Outcome call(Supplier<Object> call) {
        try {
            return new Outcome(call.get(), null);
        } catch (RejectedException e) {
            return new Outcome(null, e);
        }
    }

    /** The rule a refusal with this status answers to. */
    private String ruleOf(Status status) {
        if (!(status instanceof PhysStatus s)) {
            return "PGM-PHYS-15";
        }
        return switch (s) {
            case VERR_INVALID_PARAMETER -> "PGM-PHYS-13";
            case VERR_PGM_RAM_CONFLICT -> "PGM-PHYS-14";
            case VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS -> "PGM-PHYS-15";
            case VERR_PGM_PHYS_MISALIGNED_ACCESS -> "PGM-PHYS-16";
            case VERR_PGM_PHYS_PAGE_RESERVED -> "PGM-PHYS-17";
            case VERR_EM_NO_MEMORY -> model.sharedEver ? "PGM-PHYS-22" : "PGM-PHYS-18";
            case VERR_NO_MEMORY -> "PGM-PHYS-18";
            case VERR_PGM_PHYS_NOT_RAM, VERR_PGM_PHYS_INVALID_PAGE_STATE -> "PGM-PHYS-19";
            case VERR_OUT_OF_RANGE -> "PGM-REC-14";
        };
    }

    /**
     * The answer must be the catalogue's: refused with one of {@code refusals} when there are any (the
     * catalogue orders none of them where several apply), else accepted.
     */
    private Optional<Disagreement> outcome(
            String what, Outcome outcome, Set<PhysStatus> refusals, String acceptRule, String acceptThen) {
        RejectedException refusal = outcome.refusal();
        if (!refusals.isEmpty()) {
            PhysStatus first = refusals.iterator().next();
            String rule = what.startsWith("asking for the ")
                            && what.contains(" record ")
                            && first == VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS
                    ? "PGM-REC-8"
                    : what.startsWith("creating") ? acceptRule : ruleOf(first);
            String must = refusals.stream().map(Enum::name).collect(Collectors.joining(" or "));
            if (refusal == null) {
                return Optional.of(new Disagreement(
                        rule,
                        what + " was accepted, but must be refused with " + must,
                        GuestMemoryGherkin.rejected(first)));
            }
            if (!refusals.contains(refusal.status())) {
                return Optional.of(new Disagreement(
                        rule,
                        what + " was refused with " + refusal.status().name() + ", but must be refused with " + must,
                        GuestMemoryGherkin.rejected(first)));
            }
            return Optional.empty();
        }
        if (refusal != null) {
            String rule = refusal.status() == VERR_EM_NO_MEMORY && model.sharedEver ? "PGM-PHYS-22" : acceptRule;
            return Optional.of(new Disagreement(
                    rule, what + " was refused (" + refusal.getMessage() + "), but must be accepted", acceptThen));
        }
        return Optional.empty();
    }

    /** A refused operation: its answer, then that it changed nothing. */
    private Step refused(String gherkin, Optional<Disagreement> wrong, Outcome outcome, List<ModelPage> touched) {
        if (wrong.isPresent()) {
            return Step.disagreed(gherkin, wrong.get());
        }
        String rule = ruleOf(outcome.refusal().status());
        return Step.agreed(gherkin).or(checks.compare(Why.of(rule), touched, List.of(), Map.of(), false, 0));
    }

    private static Step outcomeOnly(String gherkin, Optional<Disagreement> wrong) {
        return wrong.map(d -> Step.disagreed(gherkin, d)).orElseGet(() -> Step.agreed(gherkin));
    }
}
