package org.gmck.kit.model.gmm;

import static org.gmck.kit.model.gmm.GmmGherkin.hex;
import static org.gmck.kit.model.gmm.GmmPicks.pick;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gmck.kit.model.Step;
import org.gmck.kit.model.gmm.Blame.Part;
import org.gmck.kit.model.gmm.GmmPicks.Bad;
import org.gmck.kit.model.gmm.GmmSession.Out;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.gmm.ChunkInfo;
import org.gmck.spi.gmm.CleanupReport;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmIntrospection.FreeSetKind;
import org.gmck.spi.gmm.GmmStatus;
import org.gmck.spi.gmm.OcPolicy;
import org.gmck.spi.gmm.PageInfo;
import org.gmck.spi.gmm.PageState;
import org.gmck.spi.gmm.Priority;
import org.gmck.spi.gmm.VmInfo;

/**
 * The GMM operations around the pages: registering VMs, reservations, seeding, cleanup, look-ups of pages,
 * chunks and per-VM data, and termination.
 */
final class GmmLifecycle {

    private final GmmSession s;
    private final GmmModelState m;
    private final GlobalMemory gmm;
    private final GmmObserver observe;
    private final GmmPicks picks;

    GmmLifecycle(GmmSession session) {
        this.s = session;
        this.m = session.m;
        this.gmm = session.gmm;
        this.observe = session.observe;
        this.picks = session.picks;
    }

    Step apply(GmmOp op) {
        if (op instanceof GmmOp.Register) {
            return register();
        }
        if (op instanceof GmmOp.Reserve r) {
            return reserve(r);
        }
        if (op instanceof GmmOp.Update u) {
            return update(u);
        }
        if (op instanceof GmmOp.Seed sd) {
            return seed(sd);
        }
        if (op instanceof GmmOp.Cleanup c) {
            return cleanup(c);
        }
        if (op instanceof GmmOp.LookUpPage p) {
            return lookUpPage(p);
        }
        if (op instanceof GmmOp.LookUpChunk c) {
            return lookUpChunk(c);
        }
        if (op instanceof GmmOp.ReadVm r) {
            return readVm(r);
        }
        return terminate();
    }

    private Expect terminated() {
        return new Expect().decisive(m.terminated, GmmStatus.VERR_GMM_INSTANCE, "GMM-TERM-4");
    }

    // ---- VMs and reservations

    private Step register() {
        String name = s.nextName();
        if (name == null) {
            return Step.skipped();
        }
        String gherkin = "VM " + name + " registers";
        Expect e = terminated();
        Out<Integer> out = s.call(gmm::createVm);
        if (e.refused()) {
            return s.refusal(gherkin, e, out);
        }
        if (out.refused()) {
            return s.refusedWrongly(gherkin, out, "GMM-VM-4");
        }
        int handle = out.value();
        Checks c = new Checks();
        c.that(
                "GMM-VM-4",
                m.vms.stream().noneMatch(v -> v.handle == handle),
                () -> "the new VM got handle " + handle + ", which an earlier VM had",
                () -> "the new VM's handle is none of the earlier VMs' handles");
        if (c.failed()) {
            return GmmSession.step(gherkin, c);
        }
        m.register(name, handle);
        if (handle == GmmModelState.NEVER_HANDED_OUT) {
            s.xTaken = true;
        }
        observe.vms(c, (part, x) -> part == Part.VM_POLICY ? "GMM-RES-1" : "GMM-RES-2");
        observe.stats(c, Blame.all("GMM-RES-14"));
        return GmmSession.step(gherkin, c);
    }

    /** Reservations prefer a VM that has none yet. */
    private ModelVm reserver(int n) {
        List<ModelVm> unreserved =
                m.vms.stream().filter(v -> v.live() && !v.reserved).toList();
        return n < 60 && !unreserved.isEmpty() ? pick(unreserved, n) : s.actor(n);
    }

    private Step reserve(GmmOp.Reserve op) {
        ModelVm vm = reserver(op.vm());
        long pages = m.g.pages();
        int p = op.pick();
        long base = 1 + op.size() * pages * 2 / 100;
        long shadow = 1 + op.size() % (pages / 8);
        long fixed = 1 + (op.size() * 7L) % (pages / 8);
        OcPolicy policy = p % 10 < 3 ? OcPolicy.NO_OC : OcPolicy.TBD;
        Priority priority =
                List.of(Priority.HIGH, Priority.NORMAL, Priority.LOW).get(p % 3);
        if (policy == OcPolicy.NO_OC && op.shape() < 30) {
            base = Math.max(1, m.hostPages - m.noOcReserved(vm) - shadow - fixed + op.size() % 2);
        }
        if (op.shape() >= 60 && op.shape() < 80) {
            switch (op.shape() % 6) {
                case 0 -> base = 0;
                case 1 -> shadow = 0;
                case 2 -> fixed = -1 - p % 5;
                case 3 -> base = -1;
                case 4 -> policy = OcPolicy.INVALID;
                default -> priority = Priority.INVALID;
            }
        }
        long b = base;
        long sh = shadow;
        long f = fixed;
        OcPolicy pol = policy;
        Priority pri = priority;
        String gherkin = "VM " + GmmSession.name(vm) + " reserves " + b + " base, " + sh + " shadow and " + f
                + " fixed pages with policy " + pol + " and priority " + pri;
        boolean bad = b <= 0 || sh <= 0 || f <= 0 || pol == OcPolicy.INVALID || pri == Priority.INVALID;
        Expect e = s.expectFor(vm);
        e.input(bad, GmmStatus.VERR_INVALID_PARAMETER, "GMM-RES-5");
        e.when(vm != null && vm.reserved, GmmStatus.VERR_WRONG_ORDER, "GMM-RES-6");
        e.when(
                !bad && pol == OcPolicy.NO_OC && b + sh + f + m.noOcReserved(vm) > m.hostPages,
                GmmStatus.VERR_GMM_MEMORY_RESERVATION_DECLINED,
                "GMM-RES-12");
        int handle = GmmSession.handle(vm);
        Out<Boolean> out = s.call(() -> {
            gmm.reserve(handle, b, sh, f, pol, pri);
            return Boolean.TRUE;
        });
        if (e.refused()) {
            return s.refusal(gherkin, e, out);
        }
        if (out.refused()) {
            String rule = out.refusal().status() != GmmStatus.VERR_GMM_MEMORY_RESERVATION_DECLINED
                    ? "GMM-RES-4"
                    : pol == OcPolicy.TBD
                            ? "GMM-RES-11"
                            : b + sh + f + m.noOcReserved(vm) == m.hostPages ? "GMM-RES-18" : "GMM-RES-12";
            return s.refusedWrongly(gherkin, out, rule);
        }
        vm.reserved = true;
        vm.reservation[0] = b;
        vm.reservation[1] = sh;
        vm.reservation[2] = f;
        vm.policy = pol;
        vm.priority = pri;
        Checks c = new Checks();
        observe.vms(c, (part, x) -> "GMM-RES-4");
        observe.stats(c, Blame.all("GMM-RES-14"));
        return GmmSession.step(gherkin, c);
    }

    private Step update(GmmOp.Update op) {
        ModelVm vm = s.actor(op.vm());
        long pages = m.g.pages();
        int shape = op.shape();
        long base = 1 + op.size() * pages * 2 / 100;
        long shadow = 1 + op.size() % (pages / 8);
        long fixed = 1 + (op.size() * 7L) % (pages / 8);
        if (vm != null && shape < 20) {
            base = Math.max(1, vm.allocated[0] + op.size() % 9 - 4);
            shadow = Math.max(1, vm.allocated[1] + op.size() % 5 - 2);
            fixed = Math.max(1, vm.allocated[2] + op.size() % 3 - 1);
        }
        if (vm != null && vm.policy == OcPolicy.NO_OC && shape >= 20 && shape < 40) {
            base = Math.max(1, m.hostPages - m.noOcReserved(vm) - shadow - fixed + op.size() % 2);
        }
        if (shape >= 60 && shape < 80) {
            switch (shape % 4) {
                case 0 -> base = 0;
                case 1 -> shadow = -1 - op.size() % 3;
                case 2 -> fixed = 0;
                default -> base = -2;
            }
        }
        long b = base;
        long sh = shadow;
        long f = fixed;
        String gherkin = "VM " + GmmSession.name(vm) + " updates its reservation to " + b + " base, " + sh
                + " shadow and " + f + " fixed pages";
        Expect e = s.expectFor(vm);
        e.input(b <= 0 || sh <= 0 || f <= 0, GmmStatus.VERR_INVALID_PARAMETER, "GMM-RES-17");
        if (vm != null && vm.live()) {
            e.when(!vm.reserved, GmmStatus.VERR_WRONG_ORDER, "GMM-RES-7");
            e.when(
                    vm.reserved && vm.policy == OcPolicy.NO_OC && b + sh + f + m.noOcReserved(vm) > m.hostPages,
                    GmmStatus.VERR_GMM_MEMORY_RESERVATION_DECLINED,
                    "GMM-RES-13");
        }
        int handle = GmmSession.handle(vm);
        Out<Boolean> out = s.call(() -> {
            gmm.updateReservation(handle, b, sh, f);
            return Boolean.TRUE;
        });
        if (e.refused()) {
            return s.refusal(gherkin, e, out);
        }
        if (out.refused()) {
            return s.refusedWrongly(
                    gherkin,
                    out,
                    out.refusal().status() == GmmStatus.VERR_GMM_MEMORY_RESERVATION_DECLINED
                            ? "GMM-RES-13"
                            : "GMM-RES-8");
        }
        vm.reservation[0] = b;
        vm.reservation[1] = sh;
        vm.reservation[2] = f;
        Checks c = new Checks();
        observe.vms(c, (part, x) -> "GMM-RES-8");
        observe.stats(c, Blame.all("GMM-RES-14"));
        return GmmSession.step(gherkin, c);
    }

    private Step readVm(GmmOp.ReadVm op) {
        ModelVm vm = s.actor(op.vm());
        String gherkin = "VM " + GmmSession.name(vm) + " asks for its per-VM data";
        Expect e = terminated().decisive(vm == null, GmmStatus.VERR_INVALID_VM_HANDLE, "GMM-VM-1");
        int handle = GmmSession.handle(vm);
        Out<VmInfo> out = s.call(() -> gmm.vm(handle));
        if (e.refused()) {
            return s.refusal(gherkin, e, out);
        }
        if (out.refused()) {
            return s.refusedWrongly(gherkin, out, vm.cleaned ? "GMM-VM-3" : "GMM-RES-2");
        }
        Checks c = new Checks();
        VmInfo v = out.value();
        if (vm.cleaned) {
            c.equal(
                    "GMM-CLEAN-8",
                    List.of(OcPolicy.INVALID, Priority.INVALID),
                    List.of(v.policy(), v.priority()),
                    () -> "the policy and priority of a cleaned-up VM",
                    () -> "the per-VM data has policy INVALID and priority INVALID");
            c.equal(
                    "GMM-CLEAN-9",
                    List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L),
                    List.of(
                            v.reservedBase(),
                            v.reservedShadow(),
                            v.reservedFixed(),
                            v.allocatedBase(),
                            v.allocatedShadow(),
                            v.allocatedFixed(),
                            v.privatePages(),
                            v.sharedPages()),
                    () -> "the counters of a cleaned-up VM",
                    () -> "the per-VM data has every counter zero");
        }
        observe.vms(c, (part, x) -> part == Part.VM_POLICY ? "GMM-RES-4" : "GMM-RES-2");
        return GmmSession.step(gherkin, c);
    }

    // ---- seeding and cleanup

    private Step seed(GmmOp.Seed op) {
        ModelVm vm = s.actor(op.vm());
        if (vm != null && vm.live() && !vm.reserved && !m.terminated) {
            return Step.skipped();
        }
        String gherkin = "VM " + GmmSession.name(vm) + " seeds a chunk";
        Expect e = s.expectFor(vm);
        if (vm != null && vm.live()) {
            e.when(!m.legacy, GmmStatus.VERR_NOT_SUPPORTED, "GMM-LEG-6");
            e.when(m.legacy && m.chunks.size() >= m.maxChunks, GmmStatus.VERR_GMM_HIT_GLOBAL_LIMIT, "GMM-LEG-8");
        }
        int handle = GmmSession.handle(vm);
        Out<Long> out = s.call(() -> gmm.seedChunk(handle));
        if (e.refused()) {
            return s.refusal(gherkin, e, out);
        }
        if (out.refused()) {
            return s.refusedWrongly(
                    gherkin,
                    out,
                    out.refusal().status() == GmmStatus.VERR_GMM_HIT_GLOBAL_LIMIT ? "GMM-LEG-8" : "GMM-LEG-7");
        }
        Checks c = new Checks();
        long expected = m.nextChunkId();
        c.equal(
                expected == 1 ? "GMM-ID-9" : "GMM-ID-10",
                expected,
                out.value(),
                () -> "the id of the seeded chunk",
                () -> "the seeded chunk is chunk " + expected);
        if (c.failed()) {
            return GmmSession.step(gherkin, c);
        }
        ModelChunk chunk = m.createChunk(false, true, vm.handle);
        vm.touched.add(chunk.id);
        Blame b = (part, x) -> switch (part) {
            case AFFINITY -> "GMM-LEG-4";
            case STATS_CHUNKS -> "GMM-LEG-8";
            case LIFO -> "GMM-LIFO-1";
            case SETS, RAW -> null;
            case SET_PAGES -> "GMM-SET-7";
            default -> "GMM-LEG-7";
        };
        observe.chunks(c, b);
        observe.vms(c, b);
        observe.stats(c, b);
        observe.chunkIds(c, b);
        if (observe.introspect) {
            observe.lifos(c, b);
            observe.sets(c, b, null, null);
            List<Long> raw = new ArrayList<>();
            for (int i = 0; i < m.g.pages(); i++) {
                raw.add(m.g.pageId(chunk.id, i));
            }
            observe.raw(c, b, raw);
        }
        return GmmSession.step(gherkin, c);
    }

    /** Clean-ups pick a live VM mostly (often one holding several references to a shared page), sometimes one cleaned up already, sometimes VM X. */
    private ModelVm cleaned(int n) {
        List<ModelVm> live = m.vms.stream().filter(ModelVm::live).toList();
        List<ModelVm> gone = m.vms.stream().filter(v -> v.cleaned).toList();
        List<ModelVm> sharers = live.stream()
                .filter(v -> v.held.values().stream().anyMatch(refs -> refs >= 2))
                .toList();
        if (n < 60 && !sharers.isEmpty()) {
            return pick(sharers, n);
        }
        if (n < 80 && !live.isEmpty()) {
            return pick(live, n);
        }
        if (n < 92 && !gone.isEmpty()) {
            return pick(gone, n);
        }
        return s.xTaken && !m.vms.isEmpty() ? m.vms.get(0) : null;
    }

    private Step cleanup(GmmOp.Cleanup op) {
        ModelVm vm = cleaned(op.vm());
        String gherkin = "VM " + GmmSession.name(vm) + " is cleaned up";
        Expect e = terminated();
        e.decisive(vm == null, GmmStatus.VERR_INVALID_VM_HANDLE, "GMM-VM-1");
        e.decisive(vm != null && vm.cleaned, GmmStatus.VERR_WRONG_ORDER, "GMM-CLEAN-18");
        Map<FreeSetKind, List<List<Long>>> before = s.lists();
        long[] tlbBefore = s.primedTlb();
        List<Long> pagesBefore = m.handedOut();
        Set<Long> own = new HashSet<>(picks.ownPrivate(vm));
        int handle = GmmSession.handle(vm);
        Out<CleanupReport> out = s.call(() -> gmm.cleanup(handle));
        List<Long> tlb = null;
        if (observe.introspect && !m.terminated && !out.refused()) {
            try {
                tlb = gmm.introspection().chunkTlb();
            } catch (RejectedException refused) {
                tlb = null;
            }
        }
        if (e.refused()) {
            return s.refusal(gherkin, e, out);
        }
        if (out.refused()) {
            return s.refusedWrongly(gherkin, out, "GMM-CLEAN-1");
        }
        Set<Long> ownChunks = new HashSet<>();
        own.forEach(id -> ownChunks.add(m.g.chunkOf(id)));
        GmmModelState.Cleanup r = m.cleanup(vm);
        CleanupReport report = out.value();
        Checks c = new Checks();
        c.equal(
                "GMM-CLEAN-3",
                r.freedPrivatePages(),
                report.freedPrivatePages(),
                () -> "private pages the cleanup freed",
                () -> "the cleanup freed " + r.freedPrivatePages() + " pages");
        c.equal(
                "GMM-CLEAN-7",
                List.of(),
                report.repairs(),
                () -> "chunks with bogus statistics",
                () -> "the cleanup reports no bogus statistics");
        List<Long> gave = report.releasedChunks().stream().sorted().toList();
        if (!gave.equals(r.releasedChunks())) {
            boolean keptBusy = gave.stream().anyMatch(id -> m.chunks.containsKey(id));
            String rule =
                    r.lastVm() ? "GMM-CLEAN-16" : keptBusy ? "GMM-CLEAN-11" : m.legacy ? "GMM-LEG-9" : "GMM-CLEAN-10";
            c.fail(
                    rule,
                    "the cleanup gave back chunks " + gave + " where the rules give back " + r.releasedChunks(),
                    r.releasedChunks().isEmpty()
                            ? "the cleanup gave back no chunk"
                            : "the cleanup gave back chunks " + GmmGherkin.numbers(r.releasedChunks()));
        }
        c.equal(
                r.lastVm() ? "GMM-CLEAN-17" : "GMM-CLEAN-20",
                r.lastVm(),
                report.lastVm(),
                () -> "whether the cleanup was the last VM's",
                () -> r.lastVm()
                        ? "the cleanup reports that it was the last VM's"
                        : "the cleanup reports that it was not the last VM's");
        String allocatedRule = r.lastVm() ? "GMM-CLEAN-16" : "GMM-CLEAN-15";
        String chunksRule = r.lastVm() ? "GMM-CLEAN-16" : m.legacy ? "GMM-LEG-9" : "GMM-CLEAN-10";
        Blame b = (part, x) -> switch (part) {
            case PAGE, HOST ->
                own.contains(x)
                        ? "GMM-CLEAN-1"
                        : m.stateOf(x).orElse(null) == PageState.SHARED ? "GMM-CLEAN-13" : "GMM-CLEAN-2";
            case GONE_PAGE -> "GMM-ID-13";
            case GONE_CHUNK -> "GMM-ID-12";
            case CHUNK, SHARED_FLAG -> ownChunks.contains(x) ? "GMM-CLEAN-1" : "GMM-CLEAN-2";
            case AFFINITY -> "GMM-CLEAN-12";
            case VM_POLICY -> x == handle ? "GMM-CLEAN-8" : "GMM-CLEAN-2";
            case VM_RESERVED, VM_ACCOUNTS, VM_PAGES -> x == handle ? "GMM-CLEAN-9" : "GMM-CLEAN-2";
            case STATS_ALLOCATED -> allocatedRule;
            case STATS_RESERVED -> "GMM-CLEAN-15";
            case STATS_CHUNKS, CHUNK_IDS -> chunksRule;
            case STATS_LEFT -> "GMM-CLEAN-14";
            case LIFO -> "GMM-CLEAN-4";
            case SETS, RAW -> null;
            case SET_PAGES -> "GMM-SET-7";
        };
        List<Long> kept =
                pagesBefore.stream().filter(id -> m.chunkOf(id) != null).toList();
        observe.pages(c, b, kept, GmmObserver.HOST_FRAMES);
        for (long chunk : r.releasedChunks()) {
            observe.goneChunk(c, b, chunk);
            long page = pagesBefore.stream()
                    .filter(id -> m.g.chunkOf(id) == chunk)
                    .findFirst()
                    .orElse(m.g.pageId(chunk, 0));
            if (!c.failed()) {
                observe.gonePage(c, b, page);
            }
        }
        observe.chunks(c, b);
        observe.vms(c, b);
        observe.stats(c, b);
        observe.chunkIds(c, b);
        if (observe.introspect) {
            observe.lifos(c, b);
            Set<Long> relinkable = new HashSet<>(r.visited());
            relinkable.addAll(ownChunks);
            observe.sets(c, b, before, relinkable);
            observe.raw(
                    c,
                    b,
                    own.stream().filter(id -> m.chunkOf(id) != null).sorted().toList());
            if (tlb != null) {
                tlbAfterCleanup(c, tlbBefore, tlb, r.releasedChunks());
            }
        }
        return GmmSession.step(gherkin, c);
    }

    /**
     * The chunk TLB after a cleanup, from the state every action step leaves it in: no entry holds a chunk given
     * back (GMM-ID-16), and an entry that held a chunk that stays, where a chunk of the same index was given back
     * and no other chunk of that index is left, still holds it (GMM-ID-17).
     */
    private void tlbAfterCleanup(Checks c, long[] before, List<Long> after, List<Long> released) {
        for (int i = 0; i < 32 && i < after.size() && !c.failed(); i++) {
            long got = after.get(i);
            int entry = i;
            if (got != 0 && released.contains(got)) {
                c.fail(
                        "GMM-ID-16",
                        "chunk TLB entry " + entry + " still holds chunk " + got + ", which was given back",
                        "no chunk TLB entry holds chunk " + got);
                continue;
            }
            long held = before[i];
            boolean sameIndexGone = released.stream().anyMatch(id -> id % 32 == entry && id != held);
            long sameIndexLeft =
                    m.chunks.keySet().stream().filter(id -> id % 32 == entry).count();
            if (held != 0 && m.chunks.containsKey(held) && sameIndexGone && sameIndexLeft == 1) {
                c.equal(
                        "GMM-ID-17",
                        held,
                        got,
                        () -> "chunk TLB entry " + entry + ", which held chunk " + held
                                + " when a chunk of the same index was given back",
                        () -> "chunk TLB entry " + entry + " holds chunk " + held);
            }
        }
    }

    // ---- look-ups

    private static final List<Bad> LOOKUP_BAD = List.of(Bad.NIL, Bad.ABOVE_LAST, Bad.LAST, Bad.NEVER_CREATED);

    private Step lookUpPage(GmmOp.LookUpPage op) {
        int p = op.pick();
        PageRef ref;
        List<Long> handed = m.handedOut();
        if (op.shape() < 40 && !handed.isEmpty()) {
            long id = pick(handed, p);
            ModelChunk ch = m.chunkOf(id);
            int i = m.g.indexOf(id);
            ModelVm owner = ch.state[i] == PageState.PRIVATE ? m.vm(ch.owner[i]) : null;
            ref = owner != null && owner.number(id) > 0
                    ? picks.ofVm(owner, id)
                    : ch.state[i] == PageState.SHARED ? picks.shared(id) : PageRef.raw(id);
        } else if (op.shape() < 55) {
            ref = picks.bad(p % 2 == 0 ? Bad.NEVER_ALLOCATED : Bad.FREED_SHARED, p / 2, null);
        } else if (op.shape() < 65) {
            ref = picks.bad(Bad.GIVEN_BACK, p, null);
        } else {
            ref = picks.bad(LOOKUP_BAD.get(p % LOOKUP_BAD.size()), p / 4, null);
        }
        long id = ref.id();
        String gherkin = "I look up " + ref.lookedUp(null);
        Expect e = terminated();
        e.input(id > m.g.pageIdLast(), GmmStatus.VERR_INVALID_PARAMETER, "GMM-ID-5");
        e.when(id == 0, GmmStatus.VERR_GMM_PAGE_NOT_FOUND, "GMM-ID-4");
        e.when(
                id != 0 && id <= m.g.pageIdLast() && m.stateOf(id).isEmpty(),
                GmmStatus.VERR_GMM_PAGE_NOT_FOUND,
                id == m.g.pageIdLast() ? "GMM-ID-7" : "GMM-ID-13");
        Out<PageInfo> out = s.call(() -> gmm.page(id));
        List<Long> tlb = readTlb();
        Checks c = new Checks();
        long[] expected = s.primedTlb();
        if (e.refused()) {
            Step refused = s.refusal(gherkin, e, out);
            if (refused.disagreement().isPresent()) {
                return refused;
            }
        } else if (out.refused()) {
            return s.refusedWrongly(gherkin, out, "GMM-STATE-5");
        } else {
            expected[(int) (m.g.chunkOf(id) % 32)] = m.g.chunkOf(id);
            PageState state = m.stateOf(id).orElseThrow();
            String rule = state == PageState.PRIVATE
                    ? "GMM-STATE-1"
                    : state == PageState.SHARED ? "GMM-SHARE-5" : "GMM-STATE-5";
            observe.pages(
                    c, (part, x) -> part == Part.HOST ? "GMM-STATE-6" : rule, List.of(id), GmmObserver.HOST_FRAMES);
        }
        compareTlb(c, expected, tlb);
        return GmmSession.step(gherkin, c);
    }

    private Step lookUpChunk(GmmOp.LookUpChunk op) {
        int p = op.pick();
        int shape = op.shape();
        long id;
        if (shape < 50 && !m.chunks.isEmpty()) {
            id = pick(List.copyOf(m.chunks.keySet()), p);
        } else if (shape < 65 && !m.released.isEmpty()) {
            id = pick(m.released.stream().sorted().toList(), p);
        } else if (shape < 75) {
            id = m.prevChunkId + 2 + p % 3;
        } else if (shape < 85) {
            id = 0;
        } else if (shape < 92) {
            id = m.g.chunkIdLast();
        } else {
            id = m.g.chunkIdLast() + 1;
        }
        long chunk = id;
        String gherkin = "I look up chunk " + (id > 0xFFFF ? hex(id) : String.valueOf(id));
        Expect e = terminated();
        e.input(id == 0 || id > m.g.chunkIdLast(), GmmStatus.VERR_INVALID_PARAMETER, "GMM-ID-8");
        e.when(
                id != 0 && id <= m.g.chunkIdLast() && !m.chunks.containsKey(id),
                GmmStatus.VERR_GMM_CHUNK_NOT_FOUND,
                "GMM-ID-12");
        Out<ChunkInfo> out = s.call(() -> gmm.chunk(chunk));
        List<Long> tlb = readTlb();
        Checks c = new Checks();
        long[] expected = s.primedTlb();
        if (e.refused()) {
            Step refused = s.refusal(gherkin, e, out);
            if (refused.disagreement().isPresent()) {
                return refused;
            }
        } else if (out.refused()) {
            return s.refusedWrongly(gherkin, out, "GMM-ID-12");
        } else {
            expected[(int) (id % 32)] = id;
            ModelChunk ch = m.chunks.get(id);
            ChunkInfo info = out.value();
            c.equal(
                    "GMM-ID-12",
                    List.of(id, ch.free, ch.privatePages, ch.sharedPages),
                    List.of(info.chunkId(), info.free(), info.privatePages(), info.sharedPages()),
                    () -> "chunk " + chunk + " as looked up",
                    () -> GmmGherkin.chunkCounts(chunk, ch.free, ch.privatePages, ch.sharedPages));
        }
        compareTlb(c, expected, tlb);
        return GmmSession.step(gherkin, c);
    }

    private List<Long> readTlb() {
        if (!observe.introspect || m.terminated) {
            return null;
        }
        try {
            return gmm.introspection().chunkTlb();
        } catch (RejectedException refused) {
            return null;
        }
    }

    /** The whole chunk TLB after a look-up: the primed entries, and the chunk looked up in entry (id modulo 32). */
    private void compareTlb(Checks c, long[] expected, List<Long> tlb) {
        if (tlb == null || c.failed()) {
            return;
        }
        c.equal(
                "GMM-ID-15",
                32,
                tlb.size(),
                () -> "chunk TLB entries",
                () -> "chunk TLB entry 31 holds chunk " + expected[31]);
        for (int i = 0; i < 32 && i < tlb.size() && !c.failed(); i++) {
            long got = tlb.get(i);
            int entry = i;
            String rule =
                    got != 0 && m.released.contains(got) && !m.chunks.containsKey(got) ? "GMM-ID-16" : "GMM-ID-15";
            c.equal(
                    rule,
                    expected[i],
                    got,
                    () -> "chunk TLB entry " + entry,
                    () -> "chunk TLB entry " + entry + " holds chunk " + expected[entry]);
        }
    }

    // ---- termination

    private Step terminate() {
        String gherkin = "the GMM is terminated";
        Expect e = terminated();
        Out<List<ChunkInfo>> out = s.call(gmm::terminate);
        if (e.refused()) {
            return s.refusal(gherkin, e, out);
        }
        if (out.refused()) {
            return s.refusedWrongly(gherkin, out, "GMM-TERM-1");
        }
        Checks c = new Checks();
        List<Long> busy = m.chunks.values().stream()
                .filter(ch -> !ch.completelyFree())
                .map(ch -> ch.id)
                .sorted()
                .toList();
        List<Long> reported =
                out.value().stream().map(ChunkInfo::chunkId).sorted().toList();
        c.equal(
                busy.isEmpty() ? "GMM-TERM-2" : "GMM-TERM-1",
                busy,
                reported,
                () -> "the chunks termination reports as not completely free",
                () -> busy.isEmpty()
                        ? "termination reports no chunk"
                        : "termination reports chunks " + GmmGherkin.numbers(busy));
        m.terminated = true;
        refusedAfter(c, "GMM-TERM-4", () -> gmm.statistics(), "asking for the statistics");
        refusedAfter(c, "GMM-TERM-4", () -> gmm.chunkIds(), "listing the chunk ids");
        if (observe.introspect) {
            long magic = m.g.terminatedMagic();
            Long got = c.read(
                    "GMM-TERM-3",
                    () -> gmm.introspection().magic(),
                    () -> "the magic after termination",
                    () -> "the magic is " + hex(magic));
            if (got != null) {
                c.equal(
                        "GMM-TERM-3",
                        hex(magic),
                        hex(got),
                        () -> "the magic after termination",
                        () -> "the magic is " + hex(magic));
            }
            refusedAfter(c, "GMM-TERM-5", () -> gmm.introspection().chunkTlb(), "reading the chunk TLB");
            refusedAfter(
                    c,
                    "GMM-TERM-5",
                    () -> gmm.introspection().freeSet(FreeSetKind.PRIVATE),
                    "reading the lists of the private free set");
        }
        return GmmSession.step(gherkin, c);
    }

    private void refusedAfter(Checks c, String rule, java.util.function.Supplier<?> read, String what) {
        if (c.failed()) {
            return;
        }
        String then = what + " is refused with VERR_GMM_INSTANCE";
        try {
            Object answer = read.get();
            c.fail(rule, what + " after termination was answered (" + GmmSession.describe(answer) + ")", then);
        } catch (RejectedException e) {
            c.equal(rule, GmmStatus.VERR_GMM_INSTANCE, e.status(), () -> what + " after termination", () -> then);
        }
    }
}
