package org.gmck.kit.model.gmm;

import static org.gmck.kit.model.gmm.GmmGherkin.hex;
import static org.gmck.kit.model.gmm.GmmPicks.pick;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gmck.kit.model.Step;
import org.gmck.kit.model.gmm.GmmModelState.Choice;
import org.gmck.kit.model.gmm.GmmPicks.Bad;
import org.gmck.kit.model.gmm.GmmSession.Out;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmStatus;
import org.gmck.spi.gmm.PageState;

/**
 * The GMM operations that hand out, free and share pages, each resolved against the model, applied to the
 * adapter and the model, and compared. Reservations, clean-ups, look-ups and termination are in
 * {@link GmmLifecycle}.
 */
final class GmmOperations {

    private final GmmSession s;
    private final GmmModelState m;
    private final GlobalMemory gmm;
    private final GmmObserver observe;
    private final GmmPicks picks;
    private final GmmLifecycle lifecycle;

    GmmOperations(GmmSession session) {
        this.s = session;
        this.m = session.m;
        this.gmm = session.gmm;
        this.observe = session.observe;
        this.picks = session.picks;
        this.lifecycle = new GmmLifecycle(session);
    }

    Step apply(GmmOp op) {
        if (op instanceof GmmOp.Allocate a) {
            return allocate(a);
        }
        if (op instanceof GmmOp.Free f) {
            return free(f);
        }
        if (op instanceof GmmOp.Share sh) {
            return share(sh);
        }
        if (op instanceof GmmOp.Use u) {
            return use(u);
        }
        if (op instanceof GmmOp.Release r) {
            return release(r);
        }
        return lifecycle.apply(op);
    }

    // ---- allocation

    /** The guest frames of a request and how the step writes it after {@code VM A allocates }. */
    private record Frames(List<Long> pfns, String text) {}

    private Step allocate(GmmOp.Allocate op) {
        ModelVm vm = s.actor(op.vm());
        Account account = GmmSession.account(op.account());
        int count = size(op, vm, account);
        Frames frames = frames(op, count, account);
        List<Long> pfns = frames.pfns();
        String gherkin = "VM " + GmmSession.name(vm) + " allocates " + frames.text();
        Expect e = s.expectFor(vm);
        e.input(count == 0 || count >= 1 << 20, GmmStatus.VERR_INVALID_PARAMETER, "GMM-ALLOC-12");
        e.input(
                m.refusesWideFrames && pfns.stream().anyMatch(p -> p > m.pfnLast),
                GmmStatus.VERR_INVALID_PARAMETER,
                "GMM-STATE-3");
        int a = account.ordinal();
        if (vm != null && vm.live()) {
            e.when(!vm.reserved, GmmStatus.VERR_WRONG_ORDER, "GMM-RES-3");
            e.when(
                    vm.reserved && vm.allocated[a] + count > vm.reservation[a],
                    GmmStatus.VERR_GMM_HIT_VM_ACCOUNT_LIMIT,
                    "GMM-RES-9");
            if (m.legacy) {
                long own = m.seededRoom(vm);
                long all = m.chunks.values().stream()
                        .filter(c -> !c.sharedChunk)
                        .mapToLong(c -> c.free)
                        .sum();
                e.when(count > own, GmmStatus.VERR_GMM_SEED_ME, count <= all ? "GMM-LEG-3" : "GMM-LEG-1");
                // the host memory limit caps all allocations together, seeded chunks or not (I-GMM-7)
                e.when(m.allocatedPages() + count > m.hostPages, GmmStatus.VERR_GMM_HIT_GLOBAL_LIMIT, "GMM-ALLOC-9");
            } else {
                long room = m.privateRoom();
                e.when(
                        count > room,
                        GmmStatus.VERR_GMM_HIT_GLOBAL_LIMIT,
                        count <= room + m.sharedChunkRoom()
                                ? "GMM-ALLOC-11"
                                : room == 0 ? "GMM-ALLOC-10" : "GMM-ALLOC-9");
            }
        }
        int handle = GmmSession.handle(vm);
        Out<List<AllocatedPage>> out = s.call(() -> gmm.allocate(handle, account, pfns));
        if (e.refused()) {
            return s.refusal(gherkin, e, out);
        }
        if (out.refused()) {
            GmmStatus status = (GmmStatus) out.refusal().status();
            String rule = switch (status) {
                case VERR_GMM_HIT_VM_ACCOUNT_LIMIT, VERR_WRONG_ORDER -> "GMM-RES-10";
                case VERR_GMM_HIT_GLOBAL_LIMIT ->
                    count > m.privateRoom() - (long) (m.maxChunks - m.chunks.size()) * m.g.pages()
                            ? "GMM-ALLOC-8"
                            : "GMM-ALLOC-9";
                case VERR_GMM_SEED_ME -> "GMM-LEG-2";
                case VERR_INVALID_PARAMETER ->
                    pfns.stream().anyMatch(p -> p > ModelGeometry.PFN_LAST)
                            ? "GMM-STATE-3"
                            : pfns.contains(ModelGeometry.PFN_LAST) ? "GMM-STATE-4" : "GMM-STATE-1";
                default -> "GMM-STATE-1";
            };
            return s.refusedWrongly(gherkin, out, rule);
        }
        return allocated(gherkin, vm, account, pfns, out.value());
    }

    /** Walks the pages handed out one by one along the allocation order, following the adapter where it may choose. */
    private Step allocated(String gherkin, ModelVm vm, Account account, List<Long> pfns, List<AllocatedPage> pages) {
        Checks c = new Checks();
        int count = pfns.size();
        c.equal(
                "GMM-STATE-1",
                count,
                pages.size(),
                () -> "pages handed out for " + count + " guest frames",
                () -> "the call hands out " + count + (count == 1 ? " page" : " pages"));
        Set<Long> created = new LinkedHashSet<>();
        Set<Long> adopted = new HashSet<>();
        Set<Long> taken = new HashSet<>();
        boolean first = m.prevChunkId == 0;
        List<Long> ids = new ArrayList<>();
        for (int k = 0; k < count && !c.failed(); k++) {
            AllocatedPage page = pages.get(k);
            Choice choice = m.choose(vm);
            Map<Long, ModelChunk> allowed = new LinkedHashMap<>();
            if (choice.step() == GmmModelState.Step.NEW) {
                allowed.put(m.g.pageId(choice.newId(), 0), null);
            } else {
                choice.chunks().forEach(ch -> allowed.put(m.g.pageId(ch.id, ch.lifo.peekFirst()), ch));
            }
            if (!allowed.containsKey(page.pageId())) {
                List<Long> want = new ArrayList<>(allowed.keySet());
                int n = k + 1;
                c.fail(
                        wrongPage(choice, page.pageId(), vm, count - k),
                        "page " + n + " of the request is " + hex(page.pageId())
                                + " where the allocation order (" + choice.step() + ") gives "
                                + (want.isEmpty()
                                        ? "none"
                                        : want.stream().map(GmmGherkin::hex).toList()),
                        want.size() == 1
                                ? "new page " + n + " has id " + hex(want.get(0))
                                : "new page " + n + " has one of ids "
                                        + GmmGherkin.and(want.stream()
                                                .map(GmmGherkin::hex)
                                                .toList()));
                break;
            }
            ModelChunk target = allowed.get(page.pageId());
            if (target == null) {
                target = m.createChunk(false, false, vm.handle);
                created.add(target.id);
            } else if (choice.step() == GmmModelState.Step.EMPTY) {
                target.affinity = vm.handle;
                adopted.add(target.id);
            } else if (choice.step() == GmmModelState.Step.OTHER) {
                taken.add(target.id);
            }
            long id = m.allocate(target, vm, pfns.get(k), account);
            ids.add(id);
            hostFrame(c, target, m.g.indexOf(id), page.hostPfn());
        }
        if (c.failed()) {
            return GmmSession.step(gherkin, c);
        }
        long firstCreated = created.isEmpty() ? 0 : created.iterator().next();
        Blame b = (part, x) -> switch (part) {
            case PAGE -> {
                ModelChunk ch = m.chunkOf(x);
                yield ch != null && ch.pfn[m.g.indexOf(x)] == m.noFrame ? "GMM-STATE-2" : "GMM-STATE-1";
            }
            case HOST -> "GMM-STATE-6";
            case AFFINITY ->
                created.contains(x)
                        ? (first && x == firstCreated ? "GMM-ALLOC-1" : "GMM-ALLOC-7")
                        : adopted.contains(x) ? "GMM-ALLOC-5" : taken.contains(x) ? "GMM-ALLOC-6" : "GMM-STATE-1";
            case SHARED_FLAG -> "GMM-ALLOC-11";
            case VM_ACCOUNTS, VM_PAGES -> "GMM-STATE-7";
            case VM_POLICY, VM_RESERVED -> "GMM-RES-4";
            case STATS_CHUNKS, CHUNK_IDS -> created.isEmpty() ? "GMM-STATE-1" : "GMM-ALLOC-7";
            case STATS_RESERVED -> "GMM-RES-14";
            case STATS_LEFT -> "GMM-CLEAN-14";
            case LIFO -> created.contains(x) ? "GMM-LIFO-1" : "GMM-LIFO-3";
            case SETS, RAW -> null;
            case SET_PAGES -> "GMM-SET-7";
            default -> "GMM-STATE-1";
        };
        observe.pages(c, b, ids, "every new page's host pfn is the one the page records");
        compareRest(c, b, ids, created);
        return GmmSession.step(gherkin, c);
    }

    /** Chunks, VMs, counters, chunk ids and, with introspection, LIFOs, free sets and the raw words of the pages touched. */
    private void compareRest(Checks c, Blame b, List<Long> touched, Set<Long> created) {
        observe.chunks(c, b);
        observe.vms(c, b);
        observe.stats(c, b);
        observe.chunkIds(c, b);
        if (observe.introspect) {
            observe.lifos(c, b);
            observe.sets(c, b, null, null);
            Set<Long> raw = new LinkedHashSet<>(touched);
            for (long chunk : created) {
                for (int i = 0; i < m.g.pages(); i++) {
                    raw.add(m.g.pageId(chunk, i));
                }
            }
            observe.raw(c, b, raw);
        }
    }

    /** The rule an allocation breaks by handing out a page the allocation order does not allow. */
    private String wrongPage(Choice choice, long pageId, ModelVm vm, int remaining) {
        long chunkId = m.g.chunkOf(pageId);
        ModelChunk pc = m.chunks.get(chunkId);
        if (pc != null && pc.sharedChunk) {
            return "GMM-ALLOC-11";
        }
        if (pc != null && choice.chunks().contains(pc)) {
            return "GMM-LIFO-3";
        }
        switch (choice.step()) {
            case NEW:
                return chunkId == choice.newId()
                        ? "GMM-LIFO-3"
                        : pc != null ? "GMM-STATE-1" : choice.newId() == 1 ? "GMM-ID-9" : "GMM-ID-10";
            case LEGACY:
                return pc != null && pc.affinity == vm.handle ? "GMM-LEG-2" : "GMM-LEG-3";
            case NONE:
                return "GMM-STATE-1";
            default:
                break;
        }
        ModelChunk expected = choice.chunks().get(0);
        if (remaining > 1 && remaining > expected.free && (pc == null || pc.free >= remaining)) {
            return "GMM-ALLOC-13";
        }
        if (choice.step() == GmmModelState.Step.OWN) {
            return pc != null && pc.affinity == vm.handle ? "GMM-ALLOC-2" : "GMM-ALLOC-3";
        }
        if (choice.step() == GmmModelState.Step.EMPTY) {
            return pc == null ? "GMM-ALLOC-7" : "GMM-ALLOC-4";
        }
        return pc == null ? "GMM-ALLOC-7" : "GMM-ALLOC-6";
    }

    /** The host frame handed out with a page: no two pages handed out share one (GMM-STATE-8). */
    void hostFrame(Checks c, ModelChunk ch, int index, long frame) {
        long id = m.g.pageId(ch.id, index);
        Long other = m.frames.get(frame);
        c.that(
                "GMM-STATE-8",
                other == null || other == id,
                () -> "host frame " + hex(frame) + " is handed out with page " + hex(id) + " while page "
                        + hex(other == null ? 0 : other) + " has it",
                () -> GmmObserver.HOST_FRAMES);
        if (ch.host[index] != ModelChunk.HOST_UNKNOWN) {
            m.frames.remove(ch.host[index], id);
        }
        ch.host[index] = frame;
        m.frames.put(frame, id);
    }

    /** How many pages: one, a few, or sized to an edge the state has (own free pages, account room, host room, a chunk). */
    private int size(GmmOp.Allocate op, ModelVm vm, Account account) {
        int pages = m.g.pages();
        int a = op.pick();
        int shape = op.size();
        long n;
        if (shape < 28) {
            n = 1;
        } else if (shape < 46) {
            n = 2 + a % 5;
        } else if (shape < 56) {
            long own = vm == null
                    ? 1
                    : m.legacy
                            ? m.seededRoom(vm)
                            : m.chunks.values().stream()
                                    .filter(c -> !c.sharedChunk && c.affinity == vm.handle)
                                    .mapToLong(c -> c.free)
                                    .sum();
            n = own + a % 3 - 1;
        } else if (shape < 64) {
            n = vm == null ? 1 : vm.reservation[account.ordinal()] - vm.allocated[account.ordinal()] + a % 3 - 1;
        } else if (shape < 72) {
            n = (m.legacy ? (vm == null ? 1 : m.seededRoom(vm)) : m.privateRoom()) + a % 3 - 1;
        } else if (shape < 82) {
            n = pages + a % 5 - 2;
        } else if (shape < 96) {
            n = 1 + (a * 13L) % (pages / 2);
        } else {
            return 0;
        }
        long count = Math.min(Math.max(1, n), 3L * pages);
        long room = m.privateRoom();
        if (!s.neverMixes && !m.legacy && count > room && count <= room + m.sharedChunkRoom()) {
            // only the reading "never" says what a request that needs the free pages of chunks of shared pages
            // gets (GMM-ALLOC-11); under the other reading, or none, the scenarios judge it, and the model asks
            // for more than either reading can give
            count = room + m.sharedChunkRoom() + 1;
        }
        return (int) count;
    }

    private Frames frames(GmmOp.Allocate op, int count, Account account) {
        String acct = account.name();
        if (count == 0) {
            return new Frames(List.of(), "0 " + acct + " pages");
        }
        int a = op.pick();
        int shape = op.frames();
        String pages = count == 1 ? " page" : " pages";
        if (shape >= 70 && count <= 6) {
            List<Long> pfns = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                pfns.add((i + a) % 4 == 0 && s.framesKnown ? -1L : (a * 31L + i * 7L) % 0x400);
            }
            if (a % 5 == 0) {
                pfns.set(count - 1, ModelGeometry.PFN_LAST);
            }
            if (shape >= 90 && s.framesKnown) {
                pfns.set(a % count, a % 2 == 0 ? ModelGeometry.PFN_LAST + 1 : 0x1_0000_0000L);
            }
            return new Frames(List.copyOf(pfns), acct + " pages for guest pfns " + GmmGherkin.pfnList(pfns));
        }
        if (shape >= 50 && shape < 70 && s.framesKnown) {
            List<Long> pfns = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                pfns.add(-1L);
            }
            return new Frames(List.copyOf(pfns), count + " " + acct + pages + " without guest addresses");
        }
        long start = a % 10 == 0
                ? ModelGeometry.PFN_LAST - count + 1
                : a % 20 == 1 && s.framesKnown ? ModelGeometry.PFN_LAST - count + 2 : (a * 97L) % 0x10000;
        List<Long> pfns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pfns.add(start + i);
        }
        return new Frames(List.copyOf(pfns), count + " " + acct + pages + " for guest pfns from " + hex(start));
    }

    // ---- freeing

    private static final List<Bad> FREE_BAD = List.of(
            Bad.NIL,
            Bad.ABOVE_LAST,
            Bad.LAST,
            Bad.NEVER_CREATED,
            Bad.GIVEN_BACK,
            Bad.FREED_OWN,
            Bad.NEVER_ALLOCATED,
            Bad.OTHER_VMS,
            Bad.SHARED);

    private Step free(GmmOp.Free op) {
        ModelVm vm = s.actor(op.vm(), v -> !v.accountOf.isEmpty());
        List<Long> own = picks.ownPrivate(vm);
        int p = op.pick();
        int shape = op.shape();
        if (own.isEmpty() && (shape < 85 || shape >= 95)) {
            shape = 85 + p % 10;
        }
        List<PageRef> refs = new ArrayList<>();
        Account account = Account.BASE;
        if (shape < 85 || shape >= 95) {
            long chosen = pick(own, p);
            account = vm.accountOf.get(chosen);
            Account charged = account;
            List<Long> same =
                    own.stream().filter(id -> vm.accountOf.get(id) == charged).toList();
            if (shape < 35 || shape >= 65) {
                refs.add(picks.own(vm, chosen));
            } else if (shape < 55) {
                int n = Math.min(same.size(), 2 + p % 3);
                int start = same.indexOf(chosen);
                for (int i = 0; i < n; i++) {
                    refs.add(picks.own(vm, same.get((start + i) % same.size())));
                }
            } else {
                long chunk = m.g.chunkOf(chosen);
                List<Long> inChunk = new ArrayList<>(
                        same.stream().filter(id -> m.g.chunkOf(id) == chunk).toList());
                if (op.place() % 2 == 1) {
                    java.util.Collections.reverse(inChunk);
                }
                inChunk.forEach(id -> refs.add(picks.own(vm, id)));
            }
        }
        if (shape >= 65 && shape < 85) {
            int kind = p % (FREE_BAD.size() + 1);
            PageRef bad = kind == FREE_BAD.size() ? refs.get(0) : picks.bad(FREE_BAD.get(kind), p / 7, vm);
            refs.add(Math.floorMod(op.place(), refs.size() + 1), bad);
        } else if (shape >= 85 && shape < 95) {
            refs.add(picks.bad(FREE_BAD.get(p % FREE_BAD.size()), p / 7, vm));
        } else if (shape >= 95) {
            Account charged = account;
            Optional<Account> wrong = java.util.Arrays.stream(Account.values())
                    .filter(x -> x != charged && vm.allocated[x.ordinal()] < 1)
                    .findFirst();
            if (wrong.isPresent()) {
                account = wrong.get();
            }
        }
        List<Long> ids = refs.stream().map(PageRef::id).toList();
        String gherkin = "VM " + GmmSession.name(vm) + " frees "
                + GmmGherkin.and(refs.stream().map(PageRef::inList).toList()) + " from its " + account.name()
                + " account";
        Expect e = s.expectFor(vm);
        e.input(ids.stream().anyMatch(id -> id > m.g.pageIdLast()), GmmStatus.VERR_INVALID_PARAMETER, "GMM-ID-5");
        if (vm != null && vm.live()) {
            e.when(
                    ids.size() > vm.allocated[account.ordinal()],
                    GmmStatus.VERR_GMM_ATTEMPT_TO_FREE_TOO_MUCH,
                    "GMM-FREE-6");
            Set<Long> gone = new HashSet<>();
            boolean batch = ids.size() > 1;
            for (long id : ids) {
                if (id > m.g.pageIdLast()) {
                    continue;
                }
                Optional<PageState> state = id == 0 ? Optional.empty() : m.stateOf(id);
                if (id == 0) {
                    e.when(true, GmmStatus.VERR_GMM_PAGE_NOT_FOUND, "GMM-ID-4");
                } else if (state.isEmpty()) {
                    e.when(true, GmmStatus.VERR_GMM_PAGE_NOT_FOUND, id == m.g.pageIdLast() ? "GMM-ID-7" : "GMM-ID-13");
                } else if (gone.contains(id)) {
                    e.when(true, GmmStatus.VERR_GMM_PAGE_ALREADY_FREE, "GMM-FREE-5");
                } else if (state.get() == PageState.FREE) {
                    e.when(true, GmmStatus.VERR_GMM_PAGE_ALREADY_FREE, batch ? "GMM-FREE-4" : "GMM-FREE-2");
                } else if (state.get() == PageState.SHARED) {
                    e.when(true, GmmStatus.VERR_GMM_PAGE_NOT_PRIVATE, batch ? "GMM-FREE-4" : "GMM-FREE-3");
                } else if (m.chunkOf(id).owner[m.g.indexOf(id)] != vm.handle) {
                    e.when(true, GmmStatus.VERR_GMM_NOT_PAGE_OWNER, batch ? "GMM-FREE-4" : "GMM-FREE-1");
                } else {
                    gone.add(id);
                }
            }
        }
        int handle = GmmSession.handle(vm);
        Account acct = account;
        Out<Boolean> out = s.call(() -> {
            gmm.free(handle, acct, ids);
            return Boolean.TRUE;
        });
        if (e.refused()) {
            return s.refusal(gherkin, e, out);
        }
        if (out.refused()) {
            return s.refusedWrongly(gherkin, out, "GMM-STATE-5");
        }
        ids.forEach(m::freePrivate);
        vm.allocated[account.ordinal()] -= ids.size();
        Checks c = new Checks();
        Blame b = (part, x) -> switch (part) {
            case PAGE, AFFINITY -> "GMM-STATE-5";
            case VM_ACCOUNTS, VM_POLICY, VM_RESERVED -> "GMM-FREE-7";
            case VM_PAGES -> "GMM-STATE-7";
            case CHUNK_IDS -> "GMM-SET-3";
            case LIFO -> "GMM-LIFO-2";
            case SETS, RAW -> null;
            case SET_PAGES -> "GMM-SET-7";
            case STATS_RESERVED -> "GMM-RES-14";
            case STATS_LEFT -> "GMM-CLEAN-14";
            default -> "GMM-SET-9";
        };
        observe.pages(c, b, ids, GmmObserver.HOST_FRAMES);
        compareRest(c, b, ids, Set.of());
        return GmmSession.step(gherkin, c);
    }

    // ---- sharing

    private static final List<Bad> SHARE_BAD = List.of(
            Bad.FREED_OWN,
            Bad.NEVER_ALLOCATED,
            Bad.SHARED,
            Bad.OTHER_VMS,
            Bad.NIL,
            Bad.ABOVE_LAST,
            Bad.LAST,
            Bad.NEVER_CREATED,
            Bad.GIVEN_BACK);

    /** The page-level reasons to refuse a call on the shared path or a share, by the page's state. */
    private void pageChecks(
            Expect e,
            long id,
            String freeRule,
            String sharedRule,
            String privateRule,
            GmmStatus free,
            GmmStatus shared,
            GmmStatus privateStatus) {
        if (id > m.g.pageIdLast()) {
            return;
        }
        if (id == 0) {
            e.when(true, GmmStatus.VERR_GMM_PAGE_NOT_FOUND, "GMM-ID-4");
            return;
        }
        Optional<PageState> state = m.stateOf(id);
        if (state.isEmpty()) {
            e.when(true, GmmStatus.VERR_GMM_PAGE_NOT_FOUND, id == m.g.pageIdLast() ? "GMM-ID-7" : "GMM-ID-13");
        } else if (state.get() == PageState.FREE) {
            e.when(free != null, free, freeRule);
        } else if (state.get() == PageState.SHARED) {
            e.when(shared != null, shared, sharedRule);
        } else {
            e.when(privateStatus != null, privateStatus, privateRule);
        }
    }

    private Step share(GmmOp.Share op) {
        ModelVm vm = s.actor(op.vm(), v -> v.accountOf.containsValue(Account.BASE));
        List<Long> base = picks.ownPrivate(vm).stream()
                .filter(id -> vm.accountOf.get(id) == Account.BASE)
                .toList();
        PageRef ref = op.shape() < 70 && !base.isEmpty()
                ? picks.own(vm, pick(base, op.pick()))
                : picks.bad(SHARE_BAD.get(op.pick() % SHARE_BAD.size()), op.pick() / 9, vm);
        long id = ref.id();
        if (vm != null && vm.accountOf.containsKey(id) && vm.accountOf.get(id) != Account.BASE) {
            return Step.skipped();
        }
        String gherkin = "VM " + GmmSession.name(vm) + " shares " + ref.shared();
        Expect e = s.expectFor(vm);
        e.input(id > m.g.pageIdLast(), GmmStatus.VERR_INVALID_PARAMETER, "GMM-ID-5");
        if (vm != null && vm.live()) {
            e.when(m.legacy, GmmStatus.VERR_NOT_SUPPORTED, "GMM-LEG-5");
            boolean ownPrivate = m.stateOf(id).orElse(null) == PageState.PRIVATE
                    && m.chunkOf(id).owner[m.g.indexOf(id)] == vm.handle;
            pageChecks(
                    e,
                    id,
                    "GMM-SHARE-12",
                    "GMM-SHARE-13",
                    "GMM-SHARE-14",
                    GmmStatus.VERR_GMM_PAGE_ALREADY_FREE,
                    GmmStatus.VERR_GMM_PAGE_NOT_PRIVATE,
                    ownPrivate ? null : GmmStatus.VERR_GMM_NOT_PAGE_OWNER);
            e.when(
                    !m.legacy && m.sharedChunkRoom() == 0 && m.chunks.size() >= m.maxChunks,
                    GmmStatus.VERR_GMM_HIT_GLOBAL_LIMIT,
                    "GMM-SHARE-17");
        }
        int handle = GmmSession.handle(vm);
        Out<AllocatedPage> out = s.call(() -> gmm.share(handle, id));
        if (e.refused()) {
            return s.refusal(gherkin, e, out);
        }
        if (out.refused()) {
            return s.refusedWrongly(
                    gherkin,
                    out,
                    out.refusal().status() == GmmStatus.VERR_GMM_HIT_GLOBAL_LIMIT ? "GMM-SHARE-19" : "GMM-SHARE-4");
        }
        Checks c = new Checks();
        AllocatedPage shared = out.value();
        List<ModelChunk> room = m.chunks.values().stream()
                .filter(ch -> ch.sharedChunk && ch.free > 0)
                .toList();
        Map<Long, ModelChunk> allowed = new LinkedHashMap<>();
        long newId = m.nextChunkId();
        if (room.isEmpty()) {
            allowed.put(m.g.pageId(newId, 0), null);
        } else {
            room.forEach(ch -> allowed.put(m.g.pageId(ch.id, ch.lifo.peekFirst()), ch));
        }
        if (!allowed.containsKey(shared.pageId())) {
            long chunkId = m.g.chunkOf(shared.pageId());
            ModelChunk pc = m.chunks.get(chunkId);
            String rule = pc == null
                    ? (room.isEmpty()
                            ? (chunkId == newId ? "GMM-LIFO-3" : newId == 1 ? "GMM-ID-9" : "GMM-ID-10")
                            : "GMM-SHARE-8")
                    : !pc.sharedChunk ? "GMM-SHARE-1" : room.contains(pc) ? "GMM-LIFO-3" : "GMM-SHARE-8";
            List<Long> want = new ArrayList<>(allowed.keySet());
            return GmmSession.step(
                    gherkin,
                    c.fail(
                            rule,
                            "the shared page is " + hex(shared.pageId()) + " where the rules give "
                                    + want.stream().map(GmmGherkin::hex).toList(),
                            want.size() == 1
                                    ? "new page 1 has id " + hex(want.get(0))
                                    : "new page 1 has one of ids "
                                            + GmmGherkin.and(want.stream()
                                                    .map(GmmGherkin::hex)
                                                    .toList())));
        }
        m.freePrivate(id);
        ModelChunk target = allowed.get(shared.pageId());
        boolean created = target == null;
        if (created) {
            target = m.createChunk(true, false, 0);
        }
        long sid = m.share(target, vm);
        hostFrame(c, target, m.g.indexOf(sid), shared.hostPfn());
        long targetId = target.id;
        Blame b = (part, x) -> switch (part) {
            case PAGE -> x == id ? "GMM-SHARE-3" : "GMM-SHARE-2";
            case HOST -> "GMM-STATE-6";
            case CHUNK -> x == targetId ? "GMM-SHARE-1" : "GMM-SHARE-3";
            case SHARED_FLAG -> created ? "GMM-SHARE-19" : "GMM-SHARE-1";
            case AFFINITY -> "GMM-SHARE-3";
            case VM_PAGES -> "GMM-SHARE-4";
            case VM_ACCOUNTS -> "GMM-SHARE-10";
            case STATS_ALLOCATED -> "GMM-SHARE-9";
            case STATS_CHUNKS, CHUNK_IDS -> created ? "GMM-SHARE-19" : "GMM-SHARE-3";
            case LIFO -> x == targetId ? (created ? "GMM-LIFO-1" : "GMM-LIFO-3") : "GMM-LIFO-2";
            case SETS, RAW -> null;
            case SET_PAGES -> "GMM-SET-7";
            case STATS_RESERVED -> "GMM-RES-14";
            case STATS_LEFT -> "GMM-CLEAN-14";
            default -> "GMM-SHARE-4";
        };
        observe.pages(c, b, List.of(id, sid), "every new page's host pfn is the one the page records");
        compareRest(c, b, List.of(id, sid), created ? Set.of(targetId) : Set.of());
        return GmmSession.step(gherkin, c);
    }

    private static final List<Bad> SHARED_PATH_BAD = List.of(
            Bad.OWN_PRIVATE,
            Bad.NEVER_ALLOCATED,
            Bad.FREED_SHARED,
            Bad.OTHER_VMS,
            Bad.NIL,
            Bad.ABOVE_LAST,
            Bad.LAST,
            Bad.NEVER_CREATED,
            Bad.GIVEN_BACK);

    private Step use(GmmOp.Use op) {
        List<Long> live = picks.liveShared();
        List<ModelVm> holders = m.vms.stream()
                .filter(v -> v.live() && v.reserved && !v.held.isEmpty())
                .toList();
        ModelVm vm = op.vm() < 40 && !holders.isEmpty() ? pick(holders, op.vm()) : s.actor(op.vm());
        PageRef ref;
        if (op.shape() < 75 && !live.isEmpty()) {
            List<Long> mine = vm == null
                    ? List.of()
                    : live.stream().filter(vm.held::containsKey).toList();
            ref = picks.shared(
                    op.pick() % 4 != 0 && !mine.isEmpty() ? pick(mine, op.pick() / 4) : pick(live, op.pick() / 4));
        } else {
            ref = picks.bad(SHARED_PATH_BAD.get(op.pick() % SHARED_PATH_BAD.size()), op.pick() / 9, vm);
        }
        long id = ref.id();
        String gherkin = "VM " + GmmSession.name(vm) + " uses " + ref.onSharedPath();
        Expect e = s.expectFor(vm);
        e.input(id > m.g.pageIdLast(), GmmStatus.VERR_INVALID_PARAMETER, "GMM-ID-5");
        if (vm != null && vm.live()) {
            e.when(m.legacy, GmmStatus.VERR_NOT_SUPPORTED, "GMM-LEG-5");
            pageChecks(
                    e,
                    id,
                    "GMM-SHARE-15",
                    null,
                    "GMM-SHARE-15",
                    GmmStatus.VERR_GMM_PAGE_NOT_SHARED,
                    null,
                    GmmStatus.VERR_GMM_PAGE_NOT_SHARED);
            e.when(!vm.reserved, GmmStatus.VERR_WRONG_ORDER, "GMM-SHARE-11");
            e.when(vm.allocated[0] + 1 > vm.reservation[0], GmmStatus.VERR_GMM_HIT_VM_ACCOUNT_LIMIT, "GMM-SHARE-11");
            ModelChunk ch = m.chunkOf(id);
            e.when(
                    ch != null && ch.state[m.g.indexOf(id)] == PageState.SHARED && ch.refs[m.g.indexOf(id)] >= 0xFFFF,
                    GmmStatus.VERR_OUT_OF_RANGE,
                    "GMM-SHARE-18");
        }
        int handle = GmmSession.handle(vm);
        Out<AllocatedPage> out = s.call(() -> gmm.useShared(handle, id));
        if (e.refused()) {
            return s.refusal(gherkin, e, out);
        }
        if (out.refused()) {
            return s.refusedWrongly(gherkin, out, "GMM-SHARE-5");
        }
        Checks c = new Checks();
        ModelChunk ch = m.chunkOf(id);
        String then = "the call returns shared page " + ref.n() + " with the host pfn the page records";
        c.equal("GMM-SHARE-5", hex(id), hex(out.value().pageId()), () -> "the page the use hands out", () -> then);
        if (ch.host[m.g.indexOf(id)] != ModelChunk.HOST_UNKNOWN) {
            c.equal(
                    "GMM-STATE-6",
                    hex(ch.host[m.g.indexOf(id)]),
                    hex(out.value().hostPfn()),
                    () -> "the host frame the use hands out with page " + hex(id),
                    () -> then);
        }
        m.use(id, vm);
        Blame b = (part, x) -> switch (part) {
            case VM_PAGES -> "GMM-SHARE-20";
            case VM_ACCOUNTS -> "GMM-SHARE-10";
            case STATS_ALLOCATED -> "GMM-SHARE-9";
            case HOST -> "GMM-STATE-6";
            case RAW -> "GMM-LAYOUT-12";
            case SETS -> null;
            case SET_PAGES -> "GMM-SET-7";
            default -> "GMM-SHARE-5";
        };
        observe.pages(c, b, List.of(id), GmmObserver.HOST_FRAMES);
        compareRest(c, b, List.of(id), Set.of());
        return GmmSession.step(gherkin, c);
    }

    private Step release(GmmOp.Release op) {
        ModelVm vm = s.actor(op.vm(), v -> !v.held.isEmpty());
        List<Long> live = picks.liveShared();
        List<Long> mine = vm == null
                ? List.of()
                : live.stream().filter(vm.held::containsKey).toList();
        // only the reading "tracked" says what a VM that holds other shared references gets for a page it holds
        // none of (GMM-SHARE-16); under the other reading, or none, the scenarios judge it
        List<Long> others = vm == null
                ? live
                : !s.holdersTracked && !vm.held.isEmpty()
                        ? List.of()
                        : live.stream().filter(id -> !vm.held.containsKey(id)).toList();
        PageRef ref;
        if (op.shape() < 65 && !mine.isEmpty()) {
            ref = picks.shared(pick(mine, op.pick()));
        } else if (op.shape() < 80 && !others.isEmpty()) {
            ref = picks.shared(pick(others, op.pick()));
        } else {
            ref = picks.bad(SHARED_PATH_BAD.get(op.pick() % SHARED_PATH_BAD.size()), op.pick() / 9, vm);
        }
        long id = ref.id();
        String gherkin = "VM " + GmmSession.name(vm) + " releases " + ref.onSharedPath();
        Expect e = s.expectFor(vm);
        e.input(id > m.g.pageIdLast(), GmmStatus.VERR_INVALID_PARAMETER, "GMM-ID-5");
        if (vm != null && vm.live()) {
            pageChecks(
                    e,
                    id,
                    "GMM-SHARE-15",
                    null,
                    "GMM-SHARE-15",
                    GmmStatus.VERR_GMM_PAGE_NOT_SHARED,
                    null,
                    GmmStatus.VERR_GMM_PAGE_NOT_SHARED);
            e.when(
                    m.stateOf(id).orElse(null) == PageState.SHARED && !vm.held.containsKey(id),
                    GmmStatus.VERR_GMM_NOT_PAGE_OWNER,
                    "GMM-SHARE-16");
            e.when(m.legacy, GmmStatus.VERR_NOT_SUPPORTED, "GMM-LEG-5");
        }
        int handle = GmmSession.handle(vm);
        Out<Boolean> out = s.call(() -> {
            gmm.releaseShared(handle, id);
            return Boolean.TRUE;
        });
        if (e.refused()) {
            return s.refusal(gherkin, e, out);
        }
        if (out.refused()) {
            return s.refusedWrongly(gherkin, out, "GMM-SHARE-6");
        }
        boolean freed = m.release(id, vm);
        Checks c = new Checks();
        Blame b = (part, x) -> switch (part) {
            case PAGE -> freed ? "GMM-SHARE-7" : "GMM-SHARE-6";
            case VM_PAGES -> "GMM-SHARE-20";
            case VM_ACCOUNTS -> "GMM-SHARE-10";
            case STATS_ALLOCATED -> "GMM-SHARE-9";
            case CHUNK, STATS_CHUNKS -> "GMM-SHARE-7";
            case LIFO -> "GMM-LIFO-2";
            case SETS, RAW -> null;
            case SET_PAGES -> "GMM-SET-7";
            default -> "GMM-SHARE-6";
        };
        observe.pages(c, b, List.of(id), GmmObserver.HOST_FRAMES);
        compareRest(c, b, List.of(id), Set.of());
        return GmmSession.step(gherkin, c);
    }
}
