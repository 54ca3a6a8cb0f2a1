package org.gmck.kit.model.gmm;

import static org.gmck.kit.model.gmm.GmmGherkin.hex;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.gmck.kit.model.Disagreement;
import org.gmck.kit.model.ModelSession;
import org.gmck.kit.model.Step;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmGeometry;
import org.gmck.spi.gmm.GmmIntrospection.FreeSetKind;
import org.gmck.spi.gmm.GmmOptions;
import org.gmck.spi.gmm.GmmStatistics;
import org.gmck.spi.gmm.GmmStatus;
import org.gmck.spi.gmm.OcPolicy;
import org.gmck.spi.gmm.Priority;

/**
 * One GMM sequence: the adapter's GMM and the model's beside it. Each operation is resolved against the
 * model's state, applied to both, and followed by comparisons of everything it can have changed; a refused
 * operation is compared in full, since it must have changed nothing. Every sequence starts with two VMs that
 * reserved two chunks' worth of BASE pages, VM A under policy TBD and VM B under NO_OC, so that updates and
 * further NO_OC reservations meet the host's limit; a setup reservation the adapter refuses is reported at the
 * first operation, against the rule that accepts it.
 */
final class GmmSession implements ModelSession<GmmOp> {

    private static final List<String> NAMES = List.of("A", "B", "C", "D", "E", "F");
    private static final long MAGIC = 0x1954_0414L;

    final GmmVariant variant;
    final GlobalMemory gmm;
    final GmmModelState m;
    final GmmObserver observe;
    final GmmPicks picks;
    final GmmOperations operations;
    private final List<String> setup = new ArrayList<>();
    private boolean started;
    /** The first reservation of the setup the adapter refused, reported at the first operation; null when none. */
    private Checks setupRefused;
    /** Whether a VM got the handle the steps give VM X, so that VM X cannot stand for a VM never registered. */
    boolean xTaken;

    /** Whether the adapter declares that private pages never go in chunks of shared pages (GMM-ALLOC-11). */
    final boolean neverMixes;
    /** Whether the adapter declares that it knows the holders of each shared page (GMM-SHARE-16). */
    final boolean holdersTracked;
    /**
     * Whether the adapter declares how it marks an unknown guest frame (GMM-STATE-2, -3); without it, the
     * sequences ask for no page without a guest address and for no frame above 0xFFFFFFF0.
     */
    final boolean framesKnown;

    GmmSession(ConformanceAdapter adapter, GmmVariant variant) {
        this.variant = variant;
        neverMixes = "never".equals(adapter.parameters().get("gmm.shared-chunk-private-pages"));
        holdersTracked = "tracked".equals(adapter.parameters().get("gmm.shared-page-holders"));
        ModelGeometry g = ModelGeometry.of(variant.edition());
        m = new GmmModelState(g, variant.legacy(), variant.room());
        String frames = adapter.parameters().get("gmm.unknown-guest-frame");
        framesKnown = frames != null;
        if ("all-ones".equals(frames)) {
            m.pfnLast = ModelGeometry.ALL_ONES - 1;
            m.noFrame = ModelGeometry.ALL_ONES;
            m.refusesWideFrames = false;
        }
        gmm = adapter.gmm().create(variant.edition(), new GmmOptions(m.hostPages, variant.legacy()));
        observe = new GmmObserver(gmm, m, adapter.profiles().contains(Profile.GMM_INTROSPECTION));
        picks = new GmmPicks(m);
        operations = new GmmOperations(this);
        setup.add(variant.setupStep());
        long base = 2L * g.pages();
        long small = g.pages() / 16;
        for (String name : List.of("A", "B")) {
            OcPolicy policy = name.equals("A") ? OcPolicy.TBD : OcPolicy.NO_OC;
            int handle = gmm.createVm();
            try {
                gmm.reserve(handle, base, small, small, policy, Priority.NORMAL);
            } catch (RejectedException e) {
                if (setupRefused == null) {
                    setupRefused = new Checks()
                            .fail(
                                    policy == OcPolicy.NO_OC
                                                    && e.status() == GmmStatus.VERR_GMM_MEMORY_RESERVATION_DECLINED
                                            ? "GMM-RES-12"
                                            : "GMM-RES-4",
                                    "VM " + name + "'s reservation of " + base + " base, " + small + " shadow and "
                                            + small + " fixed pages with policy " + policy + " was refused with "
                                            + e.status() + " (" + e.getMessage()
                                            + ") but the rules accept it",
                                    "the statistics show " + 2 * (base + 2 * small)
                                            + " reserved pages and 2 registered VMs");
                }
            }
            ModelVm vm = m.register(name, handle);
            vm.reserved = true;
            vm.policy = policy;
            vm.reservation[0] = base;
            vm.reservation[1] = small;
            vm.reservation[2] = small;
            setup.add("VM " + name + " has reserved " + base + " base, " + small + " shadow and " + small
                    + " fixed pages with policy " + policy);
        }
    }

    @Override
    public List<String> setup() {
        return List.copyOf(setup);
    }

    @Override
    public Step apply(GmmOp op) {
        if (!started) {
            started = true;
            if (setupRefused != null) {
                return new Step(Optional.empty(), setupRefused.result());
            }
            Checks c = new Checks();
            initial(c);
            if (c.failed()) {
                return new Step(Optional.empty(), c.result());
            }
        }
        m.joined.clear();
        prime();
        return operations.apply(op);
    }

    /**
     * Looks every chunk up in ascending id order, as every action step of the kit does first (its snapshot), so
     * that the chunk TLB is in the same state here as when the sequence is replayed as a scenario.
     */
    private void prime() {
        if (m.terminated) {
            return;
        }
        try {
            for (long id : gmm.chunkIds()) {
                if (observe.introspect) {
                    gmm.introspection().freeLifo(id);
                }
                gmm.chunk(id);
            }
        } catch (RejectedException ignored) {
            // the comparisons after the operation say what is wrong
        }
    }

    /** A fresh GMM: its geometry, no chunks, no pages, an empty chunk TLB, the magic, and the reservations made. */
    private void initial(Checks c) {
        ModelGeometry g = m.g;
        String shape = "a chunk holds " + g.pages() + " pages of 4 KB and a page id keeps the page index in its low "
                + g.idShift() + " bits";
        GmmGeometry geometry = c.read("GMM-ID-1", gmm::geometry, () -> "the geometry", () -> shape);
        if (geometry == null) {
            return;
        }
        c.that(
                "GMM-ID-1",
                geometry.pagesPerChunk() == 1 << geometry.chunkIdShift()
                        && geometry.chunkShift() == geometry.chunkIdShift() + 12
                        && (geometry.chunkIdShift() == 8 || geometry.chunkIdShift() == 9),
                () -> "the geometry " + geometry + " does not hold 2^(page index bits) pages of 4 KB per chunk",
                () -> shape);
        c.equal(
                "GMM-ID-6",
                List.of(hex(g.pageIdLast()), hex(g.chunkIdLast())),
                List.of(hex(geometry.pageIdLast()), hex(geometry.chunkIdLast())),
                () -> "the last page id and chunk id",
                () -> "the last page id is " + hex(g.pageIdLast()) + " and the last chunk id is "
                        + hex(g.chunkIdLast()));
        GmmStatistics s = c.read(
                "GMM-INIT-1", gmm::statistics, () -> "the statistics", () -> "the GMM holds no chunks and no pages");
        if (s != null) {
            c.equal(
                    "GMM-INIT-1",
                    List.of(0L, 0L, 0L, 0L, 0L),
                    List.of(s.chunks(), s.allocatedPages(), s.sharedPages(), s.duplicatePages(), s.freePages()),
                    () -> "chunks, allocated, shared, duplicate and free pages",
                    () -> "the GMM holds no chunks and no pages");
        }
        List<Long> ids = c.read("GMM-INIT-1", gmm::chunkIds, () -> "the chunk ids", () -> "the GMM holds 0 chunks");
        if (ids != null) {
            c.equal("GMM-INIT-1", List.of(), ids, () -> "the chunks of a new GMM", () -> "the GMM holds 0 chunks");
        }
        observe.vms(
                c,
                (part, subject) ->
                        part == Blame.Part.VM_RESERVED || part == Blame.Part.VM_POLICY ? "GMM-RES-4" : "GMM-RES-2");
        observe.stats(c, Blame.all("GMM-RES-14"));
        if (!observe.introspect) {
            return;
        }
        List<Long> tlb = c.read(
                "GMM-ID-14",
                () -> gmm.introspection().chunkTlb(),
                () -> "the chunk TLB",
                () -> "every chunk TLB entry is NIL");
        if (tlb != null) {
            c.equal(
                    "GMM-ID-14",
                    java.util.Collections.nCopies(32, 0L),
                    tlb,
                    () -> "the chunk TLB of a new GMM",
                    () -> "every chunk TLB entry is NIL");
        }
        Long magic = c.read(
                "GMM-INIT-2", () -> gmm.introspection().magic(), () -> "the magic", () -> "the magic is " + hex(MAGIC));
        if (magic != null) {
            c.equal(
                    "GMM-INIT-2",
                    hex(MAGIC),
                    hex(magic),
                    () -> "the magic of a new GMM",
                    () -> "the magic is " + hex(MAGIC));
        }
        c.equal(
                "GMM-SET-1",
                g.lists(),
                geometry.freeSetLists(),
                () -> "lists per free set",
                () -> "each free set has " + g.lists() + " lists");
        observe.sets(c, (part, subject) -> part == Blame.Part.SETS ? null : "GMM-SET-7", null, null);
    }

    @Override
    public List<String> checks() {
        List<String> then = new ArrayList<>();
        if (m.terminated) {
            then.add("asking for the statistics is refused with VERR_GMM_INSTANCE");
            then.add("listing the chunk ids is refused with VERR_GMM_INSTANCE");
            if (observe.introspect) {
                then.add("the magic is " + hex(m.g.terminatedMagic()));
                then.add("reading the chunk TLB is refused with VERR_GMM_INSTANCE");
            }
            return then;
        }
        then.add("the statistics show " + m.allocatedPages() + " allocated, " + m.sharedPageCount() + " shared and "
                + m.duplicates() + " duplicate pages");
        then.add("the statistics show " + m.chunks.size() + " chunks and " + m.freePages() + " free pages");
        then.add("the statistics show " + m.reservedPages() + " reserved pages and " + m.registeredVms()
                + " registered VMs");
        if (m.leftBehindKnown) {
            then.add("the statistics show " + m.leftBehind + " shared pages left behind");
        }
        then.add(GmmGherkin.chunkIds(List.copyOf(m.chunks.keySet())));
        for (ModelChunk ch : m.chunks.values()) {
            then.add(GmmGherkin.chunkCounts(ch.id, ch.free, ch.privatePages, ch.sharedPages));
            then.add(GmmGherkin.sharedFlag(ch.id, ch.sharedChunk));
            if (ch.affinityFixed) {
                then.add(GmmGherkin.affinity(ch.id, ch.affinity == 0 ? null : m.vm(ch.affinity).name));
            }
        }
        for (ModelVm vm : m.vms) {
            then.add(GmmGherkin.vmPolicy(vm));
            then.add(GmmGherkin.vmReserved(vm.name, vm.reservation));
            then.add(GmmGherkin.vmAccounts(vm.name, vm.allocated));
            then.add(GmmGherkin.vmPages(vm.name, vm.privatePages, vm.sharedRefs));
        }
        for (long id : m.handedOut()) {
            ModelChunk ch = m.chunkOf(id);
            int i = m.g.indexOf(id);
            then.add(
                    ch.state[i] == org.gmck.spi.gmm.PageState.SHARED
                            ? GmmGherkin.pageShared(id, ch.refs[i])
                            : GmmGherkin.pagePrivate(id, m.vm(ch.owner[i]).name, ch.pfn[i]));
        }
        then.add(GmmObserver.HOST_FRAMES);
        if (observe.introspect) {
            for (ModelChunk ch : m.chunks.values()) {
                then.add(GmmGherkin.lifo(ch.id, ch.lifo()));
            }
            for (FreeSetKind kind : FreeSetKind.values()) {
                List<List<Long>> lists = m.lists(kind);
                for (int l = 0; l < lists.size(); l++) {
                    then.add(GmmGherkin.list(kind, l, lists.get(l)));
                }
                then.add("the " + GmmGherkin.set(kind) + " free set records " + m.setPages(kind) + " free pages");
            }
        }
        return then;
    }

    // ---- helpers the operations share

    /** What the adapter answered: a value, or a typed refusal. */
    record Out<T>(T value, RejectedException refusal) {
        boolean refused() {
            return refusal != null;
        }
    }

    <T> Out<T> call(Supplier<T> call) {
        try {
            return new Out<>(call.get(), null);
        } catch (RejectedException e) {
            return new Out<>(null, e);
        }
    }

    /** The VM an operation's number picks: mostly live VMs with a reservation, sometimes others, VM X (never registered). */
    ModelVm actor(int n) {
        return actor(n, vm -> true);
    }

    /** As {@link #actor(int)}, preferring among the live VMs with a reservation those that can do what is asked. */
    ModelVm actor(int n, java.util.function.Predicate<ModelVm> able) {
        List<ModelVm> all = m.vms.stream().filter(v -> v.live() && v.reserved).toList();
        List<ModelVm> capable = all.stream().filter(able).toList();
        List<ModelVm> reserved = capable.isEmpty() ? all : capable;
        List<ModelVm> unreserved =
                m.vms.stream().filter(v -> v.live() && !v.reserved).toList();
        List<ModelVm> cleaned = m.vms.stream().filter(v -> v.cleaned).toList();
        if (n < 75 && !reserved.isEmpty()) {
            return GmmPicks.pick(reserved, n);
        }
        if (n < 83 && !m.vms.isEmpty()) {
            return GmmPicks.pick(m.vms, n);
        }
        if (n < 92) {
            return !unreserved.isEmpty()
                    ? GmmPicks.pick(unreserved, n)
                    : !reserved.isEmpty() ? GmmPicks.pick(reserved, n) : null;
        }
        if (n < 96 && !cleaned.isEmpty()) {
            return GmmPicks.pick(cleaned, n);
        }
        return xTaken && !m.vms.isEmpty() ? m.vms.get(0) : null;
    }

    static String name(ModelVm vm) {
        return vm == null ? "X" : vm.name;
    }

    static int handle(ModelVm vm) {
        return vm == null ? GmmModelState.NEVER_HANDED_OUT : vm.handle;
    }

    /** The name the next VM registers under, or null when the sequence has enough VMs. */
    String nextName() {
        return m.vms.size() < NAMES.size() ? NAMES.get(m.vms.size()) : null;
    }

    /** The first reasons every VM call is refused for: a terminated GMM, a VM handle no VM has now. */
    Expect expectFor(ModelVm vm) {
        Expect e = new Expect().decisive(m.terminated, GmmStatus.VERR_GMM_INSTANCE, "GMM-TERM-4");
        e.decisive(vm == null, GmmStatus.VERR_INVALID_VM_HANDLE, "GMM-VM-1");
        e.decisive(vm != null && vm.cleaned, GmmStatus.VERR_INVALID_VM_HANDLE, "GMM-VM-2");
        return e;
    }

    /** The step of a refusal the rules require, and the comparisons that show it changed nothing. */
    Step refusal(String gherkin, Expect e, Out<?> out) {
        Checks c = new Checks();
        String then = GmmGherkin.refused(e.statuses);
        if (!out.refused()) {
            c.fail(
                    e.rule,
                    "the call was accepted (" + describe(out.value()) + ") but must be refused with " + e.statuses,
                    then);
        } else if (e.statuses.stream()
                .noneMatch(status -> status == out.refusal().status())) {
            c.fail(
                    e.rule,
                    "the call was refused with " + out.refusal().status() + " ("
                            + out.refusal().getMessage() + ") where the rules require " + e.statuses,
                    then);
        }
        if (!m.terminated) {
            unchanged(c, Blame.all(e.rule));
        }
        return step(gherkin, c);
    }

    /** Everything the model has, for a call that must have changed nothing. */
    void unchanged(Checks c, Blame b) {
        observe.pages(c, b, m.handedOut(), GmmObserver.HOST_FRAMES);
        observe.chunks(c, b);
        observe.vms(c, b);
        observe.stats(c, b);
        observe.chunkIds(c, b);
        if (observe.introspect) {
            observe.lifos(c, b);
            observe.sets(c, b, null, null);
        }
    }

    /** A call the rules accept that the adapter refused. */
    Step refusedWrongly(String gherkin, Out<?> out, String rule) {
        return step(
                gherkin,
                new Checks()
                        .fail(
                                rule,
                                "the call was refused with " + out.refusal().status() + " ("
                                        + out.refusal().getMessage() + ") but the rules accept it",
                                "the call succeeds"));
    }

    static Step step(String gherkin, Checks c) {
        return Step.agreed(gherkin).or(c.result());
    }

    static String describe(Object value) {
        String text = String.valueOf(value);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    /** A copy of the free sets' lists, before an operation whose relinking order the catalogue leaves open. */
    Map<FreeSetKind, List<List<Long>>> lists() {
        Map<FreeSetKind, List<List<Long>>> lists = new EnumMap<>(FreeSetKind.class);
        for (FreeSetKind kind : FreeSetKind.values()) {
            lists.put(kind, m.lists(kind));
        }
        return lists;
    }

    /** The chunk TLB after every chunk was looked up in ascending order: each entry holds the highest id of its index. */
    long[] primedTlb() {
        long[] tlb = new long[32];
        for (long id : m.chunks.keySet()) {
            tlb[(int) (id % 32)] = id;
        }
        return tlb;
    }

    Optional<Disagreement> none() {
        return Optional.empty();
    }

    static Set<Long> set(List<Long> ids) {
        return new LinkedHashSet<>(ids);
    }

    static Account account(int n) {
        return n < 70 ? Account.BASE : n < 85 ? Account.SHADOW : Account.FIXED;
    }
}
