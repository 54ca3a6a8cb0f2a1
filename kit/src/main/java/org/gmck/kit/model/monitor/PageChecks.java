package org.gmck.kit.model.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gmck.kit.model.Disagreement;
import org.gmck.spi.monitor.MonitorEntry;
import org.gmck.spi.monitor.MonitorEvent;

/**
 * Compares what a monitor shows of its pages after one operation with the page model: the host page of
 * every guest page, every monitor entry, the locked and mapped host pages, and the events the operation
 * logged, read against the whole log so far. Each comparison names the rule {@link Blame} gives it and the
 * step that asserts the model's value; the first that fails is the disagreement.
 */
final class PageChecks {

    private final PageModel pages;
    private List<MonitorEvent> seen = List.of();
    private LogModel log = new LogModel();

    PageChecks(PageModel pages) {
        this.pages = pages;
    }

    /**
     * @param quiet whether the operation must log nothing (a refusal, a descriptor load, an access that ran
     *              or went to the guest)
     */
    Optional<Disagreement> compare(Blame b, PageModel.Effect fx, boolean quiet, Observation o) {
        Optional<Disagreement> found = supplied(fx, o);
        if (found.isEmpty()) {
            found = hostPages(b, o);
        }
        if (found.isEmpty()) {
            found = entries(b, fx, o);
        }
        if (found.isEmpty()) {
            found = held(b, o);
        }
        if (found.isEmpty()) {
            found = events(b, fx, quiet, o);
        }
        return found;
    }

    /**
     * The host page a host fault took for a guest page: one of the array's, serving no other guest page as
     * the adapter shows them (which other pages it should still hold is compared next).
     */
    private Optional<Disagreement> supplied(PageModel.Effect fx, Observation o) {
        if (fx.supplied < 0) {
            return Optional.empty();
        }
        int page = fx.supplied;
        Optional<Long> host = o.hosts().get(page);
        String what = "the host page supplied for guest page " + page;
        if (host.isEmpty()) {
            return differ(supplyRule(fx), what + ": none", MonitorGherkin.servedFromArray(page));
        }
        if (!pages.geometry().hostPageArray().contains(host.get())) {
            return differ(
                    "MON-PAGE-1",
                    what + " is " + hex(host.get()) + ", not a page of the host page array "
                            + MonitorGherkin.addresses(pages.geometry().hostPageArray()),
                    MonitorGherkin.servedFromArray(page));
        }
        for (Map.Entry<Integer, Optional<Long>> other : o.hosts().entrySet()) {
            if (other.getKey() != page && other.getValue().equals(host)) {
                return differ(
                        "MON-PAGE-1",
                        what + " is " + hex(host.get()) + ", which serves guest page " + other.getKey() + " too",
                        MonitorGherkin.distinct());
            }
        }
        pages.learn(fx, host.get());
        return Optional.empty();
    }

    private static String supplyRule(PageModel.Effect fx) {
        return fx.suppliedAgain ? "MON-EVICT-3" : "MON-FLT-2";
    }

    private Optional<Disagreement> hostPages(Blame b, Observation o) {
        for (int page = 0; page < pages.geometry().guestPages(); page++) {
            Optional<Long> expected = pages.hostOf(page);
            Optional<Long> actual = o.hosts().get(page);
            if (!expected.equals(actual)) {
                String then = expected.isEmpty()
                        ? MonitorGherkin.servedByNothing(page)
                        : actual.isEmpty()
                                ? MonitorGherkin.servedFromArray(page)
                                : MonitorGherkin.servedBy(page, expected.get());
                return differ(
                        b.page(page),
                        "the host page of guest page " + page + ": expected " + hexes(expected) + ", got "
                                + hexes(actual),
                        then);
            }
        }
        return Optional.empty();
    }

    private Optional<Disagreement> entries(Blame b, PageModel.Effect fx, Observation o) {
        for (long linear : fx.eitherEntered) {
            Optional<MonitorEntry> actual = o.entries().get(linear);
            MonitorEntry ifEntered = pages.entryIfEntered(linear);
            if (actual.isPresent() && !actual.get().equals(ifEntered)) {
                return differ(
                        b.linear(linear),
                        "the monitor entry for " + hex(linear) + ": expected none or " + show(ifEntered) + ", got "
                                + show(actual.get()),
                        MonitorGherkin.entry(linear, guestPageAt(linear), Optional.of(ifEntered)));
            }
            pages.settle(linear, actual.isPresent());
        }
        for (long linear : LinearPages.ALL) {
            Optional<MonitorEntry> expected = pages.entry(linear);
            Optional<MonitorEntry> actual = o.entries().get(linear);
            if (!expected.equals(actual)) {
                boolean rightsOnly = b.rights != null
                        && expected.isPresent()
                        && actual.isPresent()
                        && expected.get().hostPage() == actual.get().hostPage();
                return differ(
                        rightsOnly ? b.rights : b.linear(linear),
                        "the monitor entry for " + hex(linear) + ": expected "
                                + expected.map(PageChecks::show).orElse("none") + ", got "
                                + actual.map(PageChecks::show).orElse("none"),
                        MonitorGherkin.entry(linear, guestPageAt(linear), expected));
            }
        }
        return Optional.empty();
    }

    private Optional<Disagreement> held(Blame b, Observation o) {
        if (!pages.lockedHostPages().equals(o.locked())) {
            return differ(
                    b.locked,
                    "the locked host pages: expected " + hexList(pages.lockedHostPages()) + ", got "
                            + hexList(o.locked()),
                    MonitorGherkin.locked(pages.residentPages()));
        }
        if (!pages.mappedHostPages().equals(o.mapped())) {
            return differ(
                    b.mapped,
                    "the host pages the monitor tables map: expected " + hexList(pages.mappedHostPages()) + ", got "
                            + hexList(o.mapped()),
                    MonitorGherkin.mapped(pages.pagesWithEntries()));
        }
        return Optional.empty();
    }

    private Optional<Disagreement> events(Blame b, PageModel.Effect fx, boolean quiet, Observation o) {
        List<MonitorEvent> all = o.events();
        if (all.size() < seen.size() || !all.subList(0, seen.size()).equals(seen)) {
            return differ(
                    b.rule,
                    "the events logged before the last step changed: were " + seen + ", now " + all,
                    MonitorGherkin.lockHistory(pages.lockHistory()));
        }
        List<MonitorEvent> fresh = all.subList(seen.size(), all.size());
        if (quiet && !fresh.isEmpty()) {
            return differ(
                    b.rule, "the last step must log nothing, logged " + fresh, MonitorGherkin.stepLoggedNothing());
        }
        LogModel replay = log.copy();
        for (MonitorEvent e : fresh) {
            Optional<Disagreement> wrong = inOrder(b, fx, replay, e, fresh);
            if (wrong.isPresent()) {
                return wrong;
            }
            replay.read(e);
        }
        Optional<Disagreement> wrong = lockSteps(b, fx, fresh);
        if (wrong.isPresent()) {
            return wrong;
        }
        if (!replay.mappedPages().equals(pages.pagesWithEntries())) {
            return differ(
                    b.mapped,
                    "the guest pages the log leaves mapped: expected " + pages.pagesWithEntries() + ", got "
                            + replay.mappedPages() + " (last step logged " + fresh + ")",
                    MonitorGherkin.logMapped(pages.pagesWithEntries()));
        }
        seen = all;
        log = replay;
        return Optional.empty();
    }

    /** One event of the last step, against the log before it. */
    private Optional<Disagreement> inOrder(
            Blame b, PageModel.Effect fx, LogModel replay, MonitorEvent e, List<MonitorEvent> fresh) {
        long page = e.guestPage();
        long host = e.hostPage();
        String what = "the last step logged " + fresh + "; " + e;
        return switch (e.kind()) {
            case LOCKED ->
                !pages.geometry().hostPageArray().contains(host) || replay.locked(host) || replay.holdsAny(page)
                        ? differ(
                                fx.victim >= 0 && replay.holds(fx.victim, host) ? "MON-EVICT-4" : "MON-PAGE-1",
                                what
                                        + " locks a host page that is not free in the array, or for a guest page holding one",
                                MonitorGherkin.lockedFreePages())
                        : Optional.empty();
            case MAPPED ->
                replay.holds(page, host)
                        ? Optional.empty()
                        : differ(
                                "MON-LOCK-1",
                                what + " maps a host page the guest page does not hold locked",
                                MonitorGherkin.lockedBeforeMapped());
            case UNMAPPED ->
                replay.holds(page, host)
                        ? Optional.empty()
                        : differ(
                                b.rule,
                                what + " unmaps a host page the guest page does not hold",
                                MonitorGherkin.lockHistory(pages.lockHistory()));
            case UNLOCKED ->
                !replay.holds(page, host)
                        ? differ(
                                b.rule,
                                what + " unlocks a host page the guest page does not hold",
                                MonitorGherkin.lockHistory(pages.lockHistory()))
                        : replay.mapped(page)
                                ? differ(
                                        b.unmappedFirst,
                                        what + " unlocks a page the log still shows mapped",
                                        MonitorGherkin.unmappedBeforeUnlocked())
                                : Optional.empty();
        };
    }

    /** The host pages the last step locked and unlocked, against what the model did. */
    private Optional<Disagreement> lockSteps(Blame b, PageModel.Effect fx, List<MonitorEvent> fresh) {
        List<Integer> unlocked = pagesOf(fresh, MonitorEvent.Kind.UNLOCKED);
        List<Integer> expectedUnlocked = fx.lockSteps.stream()
                .filter(s -> s.kind() == MonitorEvent.Kind.UNLOCKED)
                .map(PageModel.LockStep::guestPage)
                .toList();
        if (!unlocked.equals(expectedUnlocked)) {
            return differ(
                    b.givingBack,
                    "the guest pages the last step gave back, in order: expected " + expectedUnlocked + ", got "
                            + unlocked,
                    MonitorGherkin.stepGaveBack(expectedUnlocked));
        }
        List<Integer> locked = pagesOf(fresh, MonitorEvent.Kind.LOCKED);
        List<Integer> expectedLocked = fx.lockSteps.stream()
                .filter(s -> s.kind() == MonitorEvent.Kind.LOCKED)
                .map(PageModel.LockStep::guestPage)
                .toList();
        if (!locked.equals(expectedLocked)) {
            return differ(
                    b.locking,
                    "the guest pages the last step locked a host page for: expected " + expectedLocked + ", got "
                            + locked,
                    MonitorGherkin.stepLocked(expectedLocked));
        }
        List<PageModel.LockStep> steps = new ArrayList<>();
        for (MonitorEvent e : fresh) {
            if (e.kind() == MonitorEvent.Kind.LOCKED || e.kind() == MonitorEvent.Kind.UNLOCKED) {
                steps.add(new PageModel.LockStep(e.kind(), (int) e.guestPage(), e.hostPage()));
            }
        }
        if (!steps.equals(fx.lockSteps)) {
            return differ(
                    b.rule,
                    "the host pages the last step locked and unlocked: expected " + fx.lockSteps + ", got " + steps,
                    MonitorGherkin.lockHistory(pages.lockHistory()));
        }
        return Optional.empty();
    }

    private static List<Integer> pagesOf(List<MonitorEvent> events, MonitorEvent.Kind kind) {
        return events.stream()
                .filter(e -> e.kind() == kind)
                .map(e -> (int) e.guestPage())
                .toList();
    }

    private int guestPageAt(long linear) {
        PageModel.Mapping m = pages.guestMappings().get(linear);
        return m == null ? -1 : m.guestPage();
    }

    private static Optional<Disagreement> differ(String rule, String difference, String then) {
        return Optional.of(new Disagreement(rule, difference, then));
    }

    private static String show(MonitorEntry e) {
        return hex(e.hostPage()) + " " + MonitorGherkin.rights(e.writable(), e.user());
    }

    private static String hex(long value) {
        return org.gmck.kit.Numbers.hex(value);
    }

    private static String hexes(Optional<Long> value) {
        return value.map(PageChecks::hex).orElse("none");
    }

    private static String hexList(List<Long> values) {
        return values.stream().map(PageChecks::hex).toList().toString();
    }
}
