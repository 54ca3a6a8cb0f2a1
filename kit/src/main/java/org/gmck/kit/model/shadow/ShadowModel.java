package org.gmck.kit.model.shadow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gmck.kit.model.shadow.ShadowOp.Rights;
import org.gmck.spi.pgm.handler.HandlerCall;
import org.gmck.spi.pgm.handler.HandlerEvent;
import org.gmck.spi.pgm.handler.PhysHandlerKind;
import org.gmck.spi.pgm.phys.HandlerState;
import org.gmck.spi.pgm.shadow.ReflectedFault;
import org.gmck.spi.x86.AccessKind;

/**
 * What the catalogue says the system holds: the guest's translations as its tables give them (the model
 * keeps the leaves it wrote, not a walker), the state of each guest physical page as far as the shadow cares
 * (on the zero page, private, shared, monitored and not yet written), the guest's data, the guest tables
 * the monitor has walked since the last CR3 load, and the physical handlers with the calls each must have had.
 */
final class ShadowModel {

    /** A guest leaf: present or not, where it points, with which rights (and whether it is dirty). */
    record Leaf(boolean present, long gcPhys, Rights rights) {}

    /** Where a view leads through the guest's tables right now, when its leaf is present. */
    record Target(long page, Rights rights, boolean large) {}

    /** A guest physical page as the shadow sees it. */
    enum PageKind {
        ZERO,
        PRIVATE,
        SHARED,
        MONITORED_UNWRITTEN,
        MONITORED_WRITTEN
    }

    /** A physical handler handed out by the adapter. */
    static final class Handler {
        final int id;
        final String name;
        final PhysHandlerKind kind;
        final long first;
        final long last;
        boolean live = true;
        final List<HandlerCall> calls = new ArrayList<>();

        Handler(int id, String name, PhysHandlerKind kind, long first, long last) {
            this.id = id;
            this.name = name;
            this.kind = kind;
            this.first = first;
            this.last = last;
        }

        boolean covers(long page) {
            return page >= first && page <= last;
        }
    }

    final ShadowVariant variant;
    final Leaf[] small = new Leaf[ShadowLayout.SMALL_SLOTS];
    Leaf large;
    private final Map<Long, PageKind> pages = new HashMap<>();
    private final Map<Long, Long> data = new HashMap<>();
    final Set<Long> tablePages = new HashSet<>();
    final Set<Long> walked = new HashSet<>();
    final List<Handler> handlers = new ArrayList<>();

    ShadowModel(ShadowVariant variant) {
        this.variant = variant;
    }

    // --- the guest's translations ---

    /** Where view {@code v} leads, empty when the guest's tables do not map it. */
    Optional<Target> target(int v) {
        long view = ShadowLayout.VIEWS.get(v);
        if (!ShadowLayout.isLarge(view)) {
            Leaf leaf = small[v];
            return leaf == null || !leaf.present()
                    ? Optional.empty()
                    : Optional.of(new Target(leaf.gcPhys(), leaf.rights(), false));
        }
        long offset = view - ShadowLayout.LARGE;
        if (large == null || !large.present() || offset >= variant.largePage()) {
            return Optional.empty();
        }
        return Optional.of(new Target(large.gcPhys() + offset, large.rights(), true));
    }

    /** Whether the guest's own tables allow the access (CR0.WP set, no SMEP or SMAP). */
    boolean allows(Target t, AccessKind kind, boolean user) {
        Rights r = t.rights();
        if (user && !r.user()) {
            return false;
        }
        if (kind == AccessKind.WRITE && !r.writable()) {
            return false;
        }
        return !(kind == AccessKind.FETCH && variant.nx() && r.noExecute());
    }

    /** The page fault the guest's tables give for a refused access at {@code linear}. */
    ReflectedFault fault(boolean present, AccessKind kind, boolean user, long linear) {
        int code = (present ? 1 : 0)
                | (kind == AccessKind.WRITE ? 2 : 0)
                | (user ? 4 : 0)
                | (kind == AccessKind.FETCH && variant.nx() ? 0x10 : 0);
        return new ReflectedFault(ReflectedFault.PAGE_FAULT, code, linear);
    }

    /** Marks the leaf behind view {@code v} dirty, after a completed write. */
    void dirty(int v) {
        long view = ShadowLayout.VIEWS.get(v);
        if (ShadowLayout.isLarge(view)) {
            large = new Leaf(true, large.gcPhys(), withDirty(large.rights()));
        } else {
            small[v] = new Leaf(true, small[v].gcPhys(), withDirty(small[v].rights()));
        }
    }

    private static Rights withDirty(Rights r) {
        return new Rights(r.writable(), r.user(), r.noExecute(), true);
    }

    // --- guest physical pages ---

    PageKind kind(long page) {
        return pages.getOrDefault(page, PageKind.ZERO);
    }

    boolean isTable(long page) {
        return tablePages.contains(page);
    }

    /** Whether the shadow may map the page writable as far as its state goes (PGM-SHW-7, -9, -10). */
    boolean stateAllowsWrite(long page) {
        PageKind k = kind(page);
        return k == PageKind.PRIVATE || k == PageKind.MONITORED_WRITTEN;
    }

    /** A physical write (the kit's own table writes) or a completed guest write lands in the page. */
    void written(long page) {
        PageKind k = kind(page);
        pages.put(
                page,
                k == PageKind.MONITORED_UNWRITTEN || k == PageKind.MONITORED_WRITTEN
                        ? PageKind.MONITORED_WRITTEN
                        : PageKind.PRIVATE);
    }

    void shared(long page) {
        pages.put(page, PageKind.SHARED);
    }

    /** Arming monitoring: every private page becomes monitored, not yet written (PGM-PHYS-7). */
    void armed() {
        pages.replaceAll((page, k) ->
                k == PageKind.PRIVATE || k == PageKind.MONITORED_WRITTEN ? PageKind.MONITORED_UNWRITTEN : k);
    }

    long read(long gcPhys) {
        return data.getOrDefault(gcPhys, 0L);
    }

    void store(long gcPhys, long value) {
        data.put(gcPhys, value);
    }

    // --- physical handlers ---

    Optional<Handler> handlerOn(long page) {
        return handlers.stream().filter(h -> h.live && h.covers(page)).findFirst();
    }

    HandlerState physState(long page) {
        return handlerOn(page)
                .map(h -> h.kind == PhysHandlerKind.ALL ? HandlerState.ALL : HandlerState.WRITE)
                .orElse(HandlerState.NONE);
    }

    boolean overlapsLive(long first, long last) {
        return handlers.stream().anyMatch(h -> h.live && h.first <= last && first <= h.last);
    }

    /** The call a completed access makes to the handler on its page, if that handler claims it. */
    Optional<HandlerCall> callFor(Handler h, AccessKind kind, long gcPhys) {
        if (kind == AccessKind.WRITE) {
            return Optional.of(new HandlerCall(HandlerEvent.WRITE, gcPhys));
        }
        if (h.kind != PhysHandlerKind.ALL) {
            return Optional.empty();
        }
        return Optional.of(new HandlerCall(kind == AccessKind.READ ? HandlerEvent.READ : HandlerEvent.FETCH, gcPhys));
    }

    /** The pages whose handler states the model compares: handler pages and their neighbours. */
    static List<Long> statePages() {
        List<Long> out = new ArrayList<>();
        for (long p = 0x1F_F000L; p <= 0x20_4000L; p += 0x1000) {
            out.add(p);
        }
        for (long p = 0x3F_F000L; p <= 0x40_2000L; p += 0x1000) {
            out.add(p);
        }
        return out;
    }
}
