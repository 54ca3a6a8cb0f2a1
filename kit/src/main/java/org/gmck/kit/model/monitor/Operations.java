package org.gmck.kit.model.monitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.gmck.kit.model.Disagreement;
import org.gmck.kit.model.Step;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.monitor.FaultRoute;
import org.gmck.spi.monitor.Monitor;

/**
 * Applies one operation of a monitor sequence to the adapter and to the model, resolving its picks against
 * the state reached, and compares; each operation knows which rule governs which part of what it changes.
 */
final class Operations {

    private final MonitorSession session;
    private final Monitor monitor;
    private final PageModel pages;

    Operations(MonitorSession session) {
        this.session = session;
        this.monitor = session.monitor();
        this.pages = session.pages();
    }

    Step apply(MonitorOp op) {
        return op.applyTo(this);
    }

    // ---- the guest's page-table writes

    Step mapPage(MonitorOp.MapPage m) {
        return map(LinearPages.pick(m.linearPick()), pageFor(m.pagePick(), m.alias()), m.writable(), m.user());
    }

    Step mapMisaligned(MonitorOp.MapMisaligned m) {
        long address = LinearPages.pick(m.linearPick()) + pick(LinearPages.MISALIGNMENTS, m.offsetPick());
        int page = page(m.pagePick());
        return refused(
                MonitorGherkin.map(address, page, m.writable(), m.user()),
                "MISALIGNED_ADDRESS",
                "MON-BAD-2",
                () -> monitor.guestMap(address, page, m.writable(), m.user()));
    }

    Step mapBadPage(MonitorOp.MapBadPage m) {
        long linear = LinearPages.pick(m.linearPick());
        int g = pages.geometry().guestPages();
        int page = pick(List.of(g, g + 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE), m.badPick());
        return refused(
                MonitorGherkin.map(linear, page, m.writable(), m.user()),
                "INVALID_GUEST_PAGE",
                "MON-BAD-2",
                () -> monitor.guestMap(linear, page, m.writable(), m.user()));
    }

    Step rewrite(MonitorOp.Rewrite r) {
        List<Long> mapped = pages.mappedLinears();
        if (mapped.isEmpty()) {
            return Step.skipped();
        }
        long linear = pick(mapped, r.mappedPick());
        int page = r.samePage() ? pages.guestMappings().get(linear).guestPage() : page(r.pagePick());
        return map(linear, page, r.writable(), r.user());
    }

    private Step map(long linear, int page, boolean writable, boolean user) {
        String text = MonitorGherkin.map(linear, page, writable, user);
        return step(text, mapChecked(linear, page, writable, user));
    }

    /** The guest maps {@code linear} to {@code page}; the comparisons that follow. */
    Optional<Disagreement> mapChecked(long linear, int page, boolean writable, boolean user) {
        Blame blame = Blame.all("MON-TBL-2");
        PageModel.Mapping old = pages.guestMappings().get(linear);
        if (old != null && old.guestPage() != page) {
            leaving(blame, old.guestPage(), linear);
        }
        Optional<RejectedException> refusal =
                MonitorSession.attempt(() -> monitor.guestMap(linear, page, writable, user));
        if (refusal.isPresent()) {
            return Optional.of(refusedWrongly("MON-TBL-2", refusal.get()));
        }
        return session.compare(blame, pages.map(linear, page, writable, user), false);
    }

    /**
     * The guest page a new mapping maps: with {@code alias}, the page of a mapping the guest has (so that
     * pages get several linear pages); otherwise, while some guest page is mapped nowhere, the first of those
     * from the pick on (so that more pages are mapped than the host can serve), else the page by its pick.
     */
    int pageFor(int pagePick, boolean alias) {
        List<Long> mapped = pages.mappedLinears();
        if (alias && !mapped.isEmpty()) {
            return pages.guestMappings().get(pick(mapped, pagePick)).guestPage();
        }
        int guestPages = pages.geometry().guestPages();
        for (int i = 0; i < guestPages; i++) {
            int page = Math.floorMod(pagePick + i, guestPages);
            if (pages.aliases(page).isEmpty()) {
                return page;
            }
        }
        return page(pagePick);
    }

    Step unmap(MonitorOp.Unmap u) {
        List<Long> mapped = pages.mappedLinears();
        if (mapped.isEmpty()) {
            return Step.skipped();
        }
        long linear = pick(mapped, u.mappedPick());
        String text = MonitorGherkin.unmap(linear);
        Blame blame = Blame.all("MON-TBL-2");
        leaving(blame, pages.guestMappings().get(linear).guestPage(), linear);
        Optional<RejectedException> refusal = MonitorSession.attempt(() -> monitor.guestUnmap(linear));
        if (refusal.isPresent()) {
            return Step.disagreed(text, refusedWrongly("MON-TBL-2", refusal.get()));
        }
        return step(text, session.compare(blame, pages.unmap(linear), false));
    }

    /**
     * The rules for a resident guest page whose mapping at {@code linear} goes: given back if the guest maps
     * it nowhere else (MON-LOCK-2), kept with its other entries if it does (MON-LOCK-3).
     */
    private void leaving(Blame blame, int page, long linear) {
        if (!pages.resident(page)) {
            return;
        }
        List<Long> others = new ArrayList<>(pages.aliases(page));
        others.remove(linear);
        if (others.isEmpty()) {
            blame.page(page, "MON-LOCK-2")
                    .locked("MON-LOCK-2")
                    .mapped("MON-LOCK-2")
                    .givingBack("MON-LOCK-2", "MON-LOCK-2");
        } else {
            blame.page(page, "MON-LOCK-3")
                    .locked("MON-LOCK-3")
                    .mapped("MON-LOCK-3")
                    .givingBack("MON-LOCK-3", "MON-LOCK-3");
            others.forEach(other -> blame.linear(other, "MON-LOCK-3"));
        }
    }

    Step unmapUnmapped(MonitorOp.UnmapUnmapped u) {
        List<Long> free = new ArrayList<>(LinearPages.ALL);
        free.removeAll(pages.mappedLinears());
        if (free.isEmpty()) {
            return Step.skipped();
        }
        long linear = pick(free, u.linearPick());
        return refused(MonitorGherkin.unmap(linear), "NOT_MAPPED", "MON-BAD-2", () -> monitor.guestUnmap(linear));
    }

    Step unmapMisaligned(MonitorOp.UnmapMisaligned u) {
        List<Long> mapped = pages.mappedLinears();
        if (mapped.isEmpty()) {
            return Step.skipped();
        }
        long address = pick(mapped, u.mappedPick()) + pick(LinearPages.MISALIGNMENTS, u.offsetPick());
        return refused(
                MonitorGherkin.unmap(address), "MISALIGNED_ADDRESS", "MON-BAD-2", () -> monitor.guestUnmap(address));
    }

    Step pdbr(MonitorOp.LoadPdbr p) {
        Optional<RejectedException> refusal = MonitorSession.attempt(monitor::guestLoadPdbr);
        if (refusal.isPresent()) {
            return Step.disagreed(MonitorGherkin.pdbr(), refusedWrongly("MON-TBL-1", refusal.get()));
        }
        return step(MonitorGherkin.pdbr(), session.compare(Blame.all("MON-TBL-1"), pages.loadPdbr(), false));
    }

    // ---- accesses and pressure

    Step access(MonitorOp.Access a) {
        long linear = target(a);
        long address = linear + pick(LinearPages.OFFSETS, a.offsetPick());
        PageModel.Mapping m = pages.guestMappings().get(linear);
        boolean write = a.write() && (!a.fitting() || m == null || m.writable());
        boolean user = a.user() && (!a.fitting() || m == null || m.user());
        return step(MonitorGherkin.access(address, write, user), accessChecked(address, write, user));
    }

    /** One guest access; the comparisons that follow. */
    Optional<Disagreement> accessChecked(long address, boolean write, boolean user) {
        PageModel.Effect fx = pages.access(address, write, user);
        String rule = routeRule(fx);
        FaultRoute route;
        try {
            route = monitor.access(address, write, user);
        } catch (RejectedException e) {
            return Optional.of(new Disagreement(
                    rule,
                    "the access was refused with " + e.status().name() + " (" + e.getMessage() + ")",
                    MonitorGherkin.route(fx.route)));
        }
        if (route != fx.route) {
            return Optional.of(new Disagreement(
                    rule, "the access went " + route + ", expected " + fx.route, MonitorGherkin.route(fx.route)));
        }
        long linear = address & ~0xFFFL;
        Blame blame;
        if (fx.victim >= 0) {
            blame = Blame.all("MON-EVICT-4").page(fx.supplied, rule).linear(linear, rule);
        } else if (fx.supplied >= 0) {
            blame = Blame.all(rule).locked("MON-LOCK-1").locking("MON-LOCK-1");
        } else {
            blame = Blame.all(rule);
        }
        blame.rights("MON-TBL-1");
        return session.compare(blame, fx, fx.route != FaultRoute.HOST_FAULT);
    }

    /** The linear page an access goes through (see {@link MonitorOp.Access}). */
    private long target(MonitorOp.Access a) {
        List<Long> mapped = pages.mappedLinears();
        if (a.target() == 3 || mapped.isEmpty()) {
            return LinearPages.pick(a.targetPick());
        }
        List<Long> candidates = switch (a.target()) {
            case 1 -> mapped.stream().filter(l -> !pages.entered(l)).toList();
            case 2 -> leastRecentlyUsed();
            case 4 ->
                mapped.stream()
                        .filter(l -> pages.entered(l)
                                && pages.aliases(pages.guestMappings().get(l).guestPage()).stream()
                                                .filter(pages::entered)
                                                .count()
                                        > 1)
                        .toList();
            case 5 ->
                mapped.stream()
                        .filter(l ->
                                !pages.resident(pages.guestMappings().get(l).guestPage()))
                        .toList();
            default -> mapped;
        };
        return pick(candidates.isEmpty() ? mapped : candidates, a.targetPick());
    }

    /**
     * The entered linear pages of the least recently used resident page, without the one it came in through
     * when it has others: using a page through another of its linear pages must count as much.
     */
    private List<Long> leastRecentlyUsed() {
        if (pages.useOrder().isEmpty()) {
            return List.of();
        }
        int page = pages.useOrder().get(0);
        List<Long> entered = pages.aliases(page).stream().filter(pages::entered).toList();
        List<Long> others = entered.stream()
                .filter(l -> !pages.cameInThrough(page).equals(Optional.of(l)))
                .toList();
        return others.isEmpty() ? entered : others;
    }

    private static String routeRule(PageModel.Effect fx) {
        if (fx.route == FaultRoute.GUEST_FAULT) {
            return "MON-FLT-1";
        }
        if (fx.route == FaultRoute.RAN) {
            return "MON-FLT-3";
        }
        if (fx.enteredResident) {
            return "MON-FLT-4";
        }
        return fx.suppliedAgain ? "MON-EVICT-3" : "MON-FLT-2";
    }

    Step negativePressure(MonitorOp.NegativePressure p) {
        int demand = pick(List.of(-1, Integer.MIN_VALUE, -2), p.demandPick());
        return refused(
                MonitorGherkin.pressure(demand),
                "INVALID_PRESSURE",
                "MON-BAD-3",
                () -> monitor.hostMemoryPressure(demand));
    }

    Step pressure(MonitorOp.Pressure p) {
        int held = pages.held();
        int demand = pick(List.of(1, 1, 2, held, 0, held + 1, pages.geometry().hostPages() + 1), p.demandPick());
        String text = MonitorGherkin.pressure(demand);
        int given;
        try {
            given = monitor.hostMemoryPressure(demand);
        } catch (RejectedException e) {
            return Step.disagreed(text, refusedWrongly("MON-EVICT-5", e));
        }
        PageModel.Effect fx = pages.pressure(demand);
        if (given != fx.count) {
            return Step.disagreed(
                    text,
                    new Disagreement(
                            "MON-EVICT-5",
                            "the pages given back: expected " + fx.count + ", got " + given,
                            MonitorGherkin.gaveBack(fx.count)));
        }
        Blame blame = Blame.all("MON-EVICT-1")
                .linears("MON-EVICT-2")
                .locked("MON-EVICT-2")
                .mapped("MON-EVICT-2")
                .givingBack("MON-EVICT-1", "MON-EVICT-2");
        return step(text, session.compare(blame, fx, fx.count == 0));
    }

    // ---- descriptor tables

    Step loadGdt(MonitorOp.LoadGdt g) {
        List<Long> gdt = g.descriptors().stream()
                .map(d -> d.resolve(g.descriptors().size()))
                .toList();
        return step(MonitorGherkin.loadGdt(gdt), loadGdt(gdt));
    }

    Step loadLdt(MonitorOp.LoadLdt l) {
        List<Long> ldt = l.descriptors().stream()
                .map(d -> d.resolve(session.tables().guestGdtSize()))
                .toList();
        return step(MonitorGherkin.loadLdt(ldt), loadLdt(ldt));
    }

    /** The guest loads a GDT: accepted up to 8190 descriptors (MON-DT-5), refused beyond, changing nothing. */
    Optional<Disagreement> loadGdt(List<Long> gdt) {
        boolean fits = gdt.size() <= DescriptorRules.LARGEST_GUEST_GDT;
        boolean large = gdt.size() >= DescriptorRules.LARGEST_GUEST_GDT;
        Optional<RejectedException> refusal = MonitorSession.attempt(() -> monitor.guestLoadGdt(gdt));
        if (!fits) {
            return refusal(refusal, "TOO_MANY_DESCRIPTORS", "MON-DT-5");
        }
        if (refusal.isPresent()) {
            return Optional.of(refusedWrongly(large ? "MON-DT-5" : "MON-DT-3", refusal.get()));
        }
        Observation o = session.observe();
        Optional<Disagreement> found = session.tables().loadedGdt(gdt, o);
        return found.isPresent() ? found : session.comparePagesUnchanged("MON-DT-3", o);
    }

    /** The guest loads an LDT: accepted up to 8192 descriptors (MON-DT-4), refused beyond, changing nothing. */
    private Optional<Disagreement> loadLdt(List<Long> ldt) {
        Optional<RejectedException> refusal = MonitorSession.attempt(() -> monitor.guestLoadLdt(ldt));
        if (ldt.size() > DescriptorRules.SLOTS) {
            return refusal(refusal, "TOO_MANY_DESCRIPTORS", "MON-DT-4");
        }
        if (refusal.isPresent()) {
            return Optional.of(refusedWrongly("MON-DT-4", refusal.get()));
        }
        Observation o = session.observe();
        Optional<Disagreement> found = session.tables().loadedLdt(ldt, o);
        return found.isPresent() ? found : session.comparePagesUnchanged("MON-DT-4", o);
    }

    Step large(MonitorOp.LoadLargeTable t) {
        int size = t.ldt()
                ? pick(List.of(8192, 8193, 8191, 8200), t.sizePick())
                : pick(List.of(8190, 8191, 10_000, 8189), t.sizePick());
        List<Long> table = Collections.nCopies(size, DescriptorRules.FILLER);
        return step(MonitorGherkin.loadLarge(t.ldt(), size), t.ldt() ? loadLdt(table) : loadGdt(table));
    }

    // ---- refusals

    Step badCreate(MonitorOp.BadCreate c) {
        List<Long> array = new ArrayList<>(pages.geometry().hostPageArray());
        int guestPages = pages.geometry().guestPages();
        long first = array.get(0);
        int at = Math.floorMod(c.placePick(), array.size());
        String status = "INVALID_HOST_PAGE";
        switch (Math.floorMod(c.defectPick(), 7)) {
            case 0 -> array.add(at + 1, array.get(at));
            case 1 -> {
                if (array.size() < 2) {
                    array.add(first == 0x1000L ? 0x2000L : 0x1000L);
                }
                array.add(first);
            }
            case 2 -> array.set(at, array.get(at) + pick(LinearPages.MISALIGNMENTS, c.placePick()));
            case 3 -> {
                array.clear();
                status = "NO_HOST_PAGES";
            }
            case 4 -> {
                guestPages = 0;
                status = "NO_HOST_PAGES";
            }
            case 5 -> {
                guestPages = -1;
                status = "NO_HOST_PAGES";
            }
            default -> {
                guestPages = Integer.MIN_VALUE;
                status = "NO_HOST_PAGES";
            }
        }
        int g = guestPages;
        return refused(
                MonitorGherkin.create(g, array),
                status,
                "MON-BAD-1",
                () -> session.factory().newMonitor(g, array));
    }

    /** A call that must be refused with {@code status} and change nothing. */
    private Step refused(String text, String status, String rule, Runnable call) {
        Optional<Disagreement> found = refusal(MonitorSession.attempt(call), status, rule);
        if (found.isEmpty()) {
            found = session.compare(Blame.all(rule), new PageModel.Effect(), true);
        }
        return step(text, found);
    }

    private static Optional<Disagreement> refusal(Optional<RejectedException> refusal, String status, String rule) {
        if (refusal.isEmpty()) {
            return Optional.of(new Disagreement(
                    rule, "the call was accepted; it must be refused with " + status, MonitorGherkin.rejected(status)));
        }
        String actual = refusal.get().status().name();
        return actual.equals(status)
                ? Optional.empty()
                : Optional.of(new Disagreement(
                        rule,
                        "the call was refused with " + actual + " ("
                                + refusal.get().getMessage() + "); it must be refused with " + status,
                        MonitorGherkin.rejected(status)));
    }

    private static Disagreement refusedWrongly(String rule, RejectedException e) {
        return new Disagreement(
                rule,
                "the call was refused with " + e.status().name() + " (" + e.getMessage() + ")",
                MonitorGherkin.accepted());
    }

    private static Step step(String text, Optional<Disagreement> found) {
        return found.map(d -> Step.disagreed(text, d)).orElseGet(() -> Step.agreed(text));
    }

    private int page(int pagePick) {
        return Math.floorMod(pagePick, pages.geometry().guestPages());
    }

    private static <T> T pick(List<T> from, int pick) {
        return from.get(Math.floorMod(pick, from.size()));
    }
}
