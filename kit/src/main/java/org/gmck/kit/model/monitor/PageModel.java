package org.gmck.kit.model.monitor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gmck.spi.monitor.FaultRoute;
import org.gmck.spi.monitor.MonitorEntry;
import org.gmck.spi.monitor.MonitorEvent;

/**
 * The catalogue's monitor page tables, fault routing and host pages, as state: what the guest's tables map,
 * which host page serves which guest page, which linear pages the monitor tables enter, the order in which
 * the guest used its resident pages, and the host pages locked and unlocked so far.
 *
 * <ul>
 *   <li>A guest page gets a host page on a host fault (MON-FLT-2): a free page of the array, the
 *       implementation's choice (MON-PAGE-1), or, when all are in use, the page of the least recently used
 *       guest page, given back first (MON-EVICT-4).</li>
 *   <li>A host fault enters only the linear page faulted through; an access through another linear page of
 *       a resident guest page enters it with the page's host page, supplying nothing (MON-FLT-4, I-MON-3).</li>
 *   <li>A page-directory base load enters every linear page of every resident guest page (MON-TBL-1); a guest
 *       write enters a new mapping of a resident page at once and takes a removed one out (MON-TBL-2).</li>
 *   <li>A guest page no longer mapped anywhere is given back (MON-LOCK-2); one still mapped elsewhere stays
 *       (MON-LOCK-3). Under pressure the least recently used pages go back first (MON-EVICT-1), at most the
 *       pages held (MON-EVICT-5), each out of the monitor tables at every alias first (MON-EVICT-2, I-MON-4).</li>
 *   <li>An access uses its guest page when it runs or faults to the host, not when the guest's tables refuse
 *       it.</li>
 * </ul>
 */
final class PageModel {

    /** A host page the model has yet to learn from the adapter: the one it chose for a guest page just supplied. */
    static final long CHOSEN_BY_ADAPTER = -1;

    /** One entry of the guest's own page tables. */
    record Mapping(int guestPage, boolean writable, boolean user) {

        boolean allows(boolean write, boolean asUser) {
            return (!write || writable) && (!asUser || user);
        }

        String rights() {
            return (writable ? "writable " : "read-only ") + (user ? "user" : "supervisor");
        }
    }

    /** A host page locked for, or unlocked from, a guest page. */
    record LockStep(MonitorEvent.Kind kind, int guestPage, long hostPage) {}

    /** What one operation did to the pages, beside the state it left. */
    static final class Effect {
        final List<LockStep> lockSteps = new ArrayList<>();
        final List<Integer> givenBack = new ArrayList<>();
        /** Linear pages that a rewrite may leave out of the monitor tables or enter (I-MON-3 leaves it open). */
        final Set<Long> eitherEntered = new TreeSet<>();

        FaultRoute route;
        int count;
        /** The guest page a host fault supplied a page for, or -1. */
        int supplied = -1;
        /** The guest page given back to make room for it, or -1. */
        int victim = -1;
        /** Whether the page supplied had been given back under pressure or to make room before. */
        boolean suppliedAgain;
        /** Whether a host fault entered a linear page of a guest page that was already resident. */
        boolean enteredResident;
    }

    private final Geometry geometry;
    private final TreeMap<Long, Mapping> guest = new TreeMap<>();
    private final TreeMap<Integer, Long> hostOf = new TreeMap<>();
    private final TreeSet<Long> entered = new TreeSet<>();
    private final LinkedHashSet<Integer> useOrder = new LinkedHashSet<>();
    private final Set<Integer> givenBackBefore = new TreeSet<>();
    private final List<LockStep> lockHistory = new ArrayList<>();
    /** The linear page each resident guest page came in through: nothing the rules care about, a hint for generation. */
    private final Map<Integer, Long> cameInThrough = new TreeMap<>();

    private final LinkedHashSet<Integer> supplyOrder = new LinkedHashSet<>();

    PageModel(Geometry geometry) {
        this.geometry = geometry;
    }

    Geometry geometry() {
        return geometry;
    }

    // ---- what the model holds

    Map<Long, Mapping> guestMappings() {
        return guest;
    }

    List<Long> mappedLinears() {
        return List.copyOf(guest.keySet());
    }

    boolean resident(int guestPage) {
        return hostOf.containsKey(guestPage);
    }

    Optional<Long> hostOf(int guestPage) {
        return Optional.ofNullable(hostOf.get(guestPage));
    }

    /** The monitor entry the model has at a linear page. */
    Optional<MonitorEntry> entry(long linear) {
        if (!entered.contains(linear)) {
            return Optional.empty();
        }
        Mapping m = guest.get(linear);
        return Optional.of(new MonitorEntry(hostOf.get(m.guestPage()), m.writable(), m.user()));
    }

    /** The monitor entry a linear page gets if the monitor enters it now. */
    MonitorEntry entryIfEntered(long linear) {
        Mapping m = guest.get(linear);
        return new MonitorEntry(hostOf.get(m.guestPage()), m.writable(), m.user());
    }

    boolean entered(long linear) {
        return entered.contains(linear);
    }

    /** The linear pages the guest maps to {@code guestPage}. */
    List<Long> aliases(int guestPage) {
        return guest.entrySet().stream()
                .filter(e -> e.getValue().guestPage() == guestPage)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The resident guest pages, ascending. */
    List<Integer> residentPages() {
        return List.copyOf(hostOf.keySet());
    }

    /** The resident guest pages with at least one monitor entry, ascending. */
    List<Integer> pagesWithEntries() {
        TreeSet<Integer> pages = new TreeSet<>();
        entered.forEach(linear -> pages.add(guest.get(linear).guestPage()));
        return List.copyOf(pages);
    }

    /** The linear page a resident guest page came in through, if the model saw it come in. */
    Optional<Long> cameInThrough(int guestPage) {
        return resident(guestPage) ? Optional.ofNullable(cameInThrough.get(guestPage)) : Optional.empty();
    }

    /** The resident guest pages, least recently used first. */
    List<Integer> useOrder() {
        return List.copyOf(useOrder);
    }

    List<Long> lockedHostPages() {
        return List.copyOf(new TreeSet<>(hostOf.values()));
    }

    List<Long> mappedHostPages() {
        TreeSet<Long> hosts = new TreeSet<>();
        entered.forEach(linear -> hosts.add(hostOf.get(guest.get(linear).guestPage())));
        return List.copyOf(hosts);
    }

    List<LockStep> lockHistory() {
        return lockHistory;
    }

    int held() {
        return hostOf.size();
    }

    // ---- the guest's page-table writes

    /** The guest maps {@code linear} (page aligned) to a guest page inside its memory. */
    Effect map(long linear, int guestPage, boolean writable, boolean user) {
        Effect fx = new Effect();
        Mapping old = guest.put(linear, new Mapping(guestPage, writable, user));
        boolean wasEntered = entered.remove(linear);
        if (old != null && old.guestPage() != guestPage) {
            giveBackIfUnmapped(old.guestPage(), fx);
        }
        if (resident(guestPage)) {
            if (old == null || wasEntered) {
                entered.add(linear);
            } else {
                fx.eitherEntered.add(linear);
            }
        }
        return fx;
    }

    /** The guest clears its mapping at {@code linear}, which it has. */
    Effect unmap(long linear) {
        Effect fx = new Effect();
        Mapping old = guest.remove(linear);
        entered.remove(linear);
        giveBackIfUnmapped(old.guestPage(), fx);
        return fx;
    }

    /** Where a rewrite left a linear page the model could not decide: entered or not, as the adapter chose. */
    void settle(long linear, boolean isEntered) {
        if (isEntered) {
            entered.add(linear);
        }
    }

    Effect loadPdbr() {
        guest.forEach((linear, m) -> {
            if (resident(m.guestPage())) {
                entered.add(linear);
            }
        });
        return new Effect();
    }

    // ---- accesses and host pages

    Effect access(long address, boolean write, boolean user) {
        Effect fx = new Effect();
        long linear = address & ~0xFFFL;
        Mapping m = guest.get(linear);
        if (m == null || !m.allows(write, user)) {
            fx.route = FaultRoute.GUEST_FAULT;
            return fx;
        }
        int page = m.guestPage();
        if (entered.contains(linear)) {
            fx.route = FaultRoute.RAN;
        } else if (resident(page)) {
            fx.route = FaultRoute.HOST_FAULT;
            fx.enteredResident = true;
            entered.add(linear);
        } else {
            fx.route = FaultRoute.HOST_FAULT;
            fx.suppliedAgain = givenBackBefore.remove(page);
            if (hostOf.size() >= geometry.hostPages()) {
                supplyOrder.retainAll(hostOf.keySet());
                fx.victim = useOrder.iterator().next();
                giveBack(fx.victim, true, fx);
            }
            fx.supplied = page;
            cameInThrough.put(page, linear);
            supplyOrder.remove(page);
            supplyOrder.add(page);
            hostOf.put(page, CHOSEN_BY_ADAPTER);
            LockStep locked = new LockStep(MonitorEvent.Kind.LOCKED, page, CHOSEN_BY_ADAPTER);
            fx.lockSteps.add(locked);
            lockHistory.add(locked);
            entered.add(linear);
        }
        useOrder.remove(page);
        useOrder.add(page);
        return fx;
    }

    /** The host page the adapter chose for the guest page a host fault just supplied. */
    void learn(Effect fx, long hostPage) {
        hostOf.put(fx.supplied, hostPage);
        LockStep chosen = new LockStep(MonitorEvent.Kind.LOCKED, fx.supplied, hostPage);
        fx.lockSteps.replaceAll(s -> s.hostPage() == CHOSEN_BY_ADAPTER ? chosen : s);
        lockHistory.replaceAll(s -> s.hostPage() == CHOSEN_BY_ADAPTER ? chosen : s);
    }

    /** The host wants {@code pages} (not negative) back. */
    Effect pressure(int pages) {
        Effect fx = new Effect();
        int count = Math.min(pages, hostOf.size());
        for (int i = 0; i < count; i++) {
            giveBack(useOrder.iterator().next(), true, fx);
        }
        fx.count = count;
        return fx;
    }

    private void giveBackIfUnmapped(int guestPage, Effect fx) {
        if (resident(guestPage) && aliases(guestPage).isEmpty()) {
            giveBack(guestPage, false, fx);
        }
    }

    private void giveBack(int guestPage, boolean underPressure, Effect fx) {
        entered.removeIf(linear -> guest.get(linear).guestPage() == guestPage);
        long host = hostOf.remove(guestPage);
        useOrder.remove(guestPage);
        if (underPressure) {
            givenBackBefore.add(guestPage);
        }
        LockStep unlocked = new LockStep(MonitorEvent.Kind.UNLOCKED, guestPage, host);
        fx.lockSteps.add(unlocked);
        lockHistory.add(unlocked);
        fx.givenBack.add(guestPage);
    }
}
