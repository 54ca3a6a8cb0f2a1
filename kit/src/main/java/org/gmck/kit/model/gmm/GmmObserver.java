package org.gmck.kit.model.gmm;

import static org.gmck.kit.model.gmm.GmmGherkin.hex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.gmck.kit.model.gmm.Blame.Part;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.gmm.ChunkInfo;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmIntrospection;
import org.gmck.spi.gmm.GmmIntrospection.FreeSetKind;
import org.gmck.spi.gmm.GmmStatistics;
import org.gmck.spi.gmm.GmmStatus;
import org.gmck.spi.gmm.PageInfo;
import org.gmck.spi.gmm.PageState;
import org.gmck.spi.gmm.VmInfo;

/**
 * Compares the adapter's GMM with the model's, part by part, each difference attributed by a {@link Blame}
 * and written as the Then-step that asserts the model's value.
 */
final class GmmObserver {

    static final String HOST_FRAMES = "the pages handed out have their own host frames";
    private static final long STATE_SHARED = 2L << 62;
    private static final long STATE_FREE = 3L << 62;
    private static final long ZEROED = 1L << 61;

    private final GlobalMemory gmm;
    private final GmmModelState m;
    final boolean introspect;

    /**
     * Whether the adapter declares later VirtualBox's page layout (reading {@code gmm.page-layout}); without it
     * the raw words of shared pages and the zeroed flag of free pages are left to the scenarios (I-GMM-20).
     */
    private final boolean laterLayout;

    GmmObserver(GlobalMemory gmm, GmmModelState m, boolean introspect, boolean laterLayout) {
        this.gmm = gmm;
        this.m = m;
        this.introspect = introspect;
        this.laterLayout = laterLayout;
    }

    private String name(int handle) {
        ModelVm vm = m.vm(handle);
        return vm == null ? "X" : vm.name;
    }

    /** Pages: state, owner and guest frame, references, and the host frame of a handed-out page. */
    void pages(Checks c, Blame b, Collection<Long> ids, String hostThen) {
        for (long id : ids) {
            if (c.failed()) {
                return;
            }
            ModelChunk ch = m.chunkOf(id);
            if (ch == null) {
                gonePage(c, b, id);
                continue;
            }
            int i = m.g.indexOf(id);
            String rule = b.rule(Part.PAGE, id);
            PageState state = ch.state[i];
            int owner = ch.owner[i];
            long pfn = ch.pfn[i];
            long refs = ch.refs[i];
            // Written only when a comparison fails: the pages are compared after every operation.
            Supplier<String> then = () -> switch (state) {
                case PRIVATE -> GmmGherkin.pagePrivate(id, name(owner), pfn);
                case SHARED -> GmmGherkin.pageShared(id, refs);
                case FREE -> GmmGherkin.pageFree(id);
            };
            PageInfo info = c.read(rule, () -> gmm.page(id), () -> "page " + hex(id), then);
            if (info == null) {
                return;
            }
            c.equal(rule, state, info.state(), () -> "the state of page " + hex(id), then);
            if (state == PageState.PRIVATE) {
                c.that(
                        rule,
                        owner == info.owner() && pfn == info.guestPfn(),
                        () -> "owner and guest pfn of page " + hex(id) + ": expected " + List.of(owner, hex(pfn))
                                + ", got " + List.of(info.owner(), hex(info.guestPfn())),
                        then);
            } else if (state == PageState.SHARED) {
                c.equal(rule, refs, info.refs(), () -> "references of page " + hex(id), then);
            }
            if (state != PageState.FREE && ch.host[i] != ModelChunk.HOST_UNKNOWN) {
                c.equalHex(
                        b.rule(Part.HOST, id),
                        ch.host[i],
                        info.hostPfn(),
                        () -> "the host frame page " + hex(id) + " records",
                        () -> hostThen);
            }
        }
    }

    /** A page of a chunk that is not there must not be found. */
    void gonePage(Checks c, Blame b, long id) {
        String rule = b.rule(Part.GONE_PAGE, id);
        try {
            PageInfo info = gmm.page(id);
            c.fail(
                    rule,
                    "page " + hex(id) + " of a chunk the GMM does not hold was found (" + info + ")",
                    GmmGherkin.pageGone(id, GmmStatus.VERR_GMM_PAGE_NOT_FOUND));
        } catch (RejectedException e) {
            c.equal(
                    rule,
                    GmmStatus.VERR_GMM_PAGE_NOT_FOUND,
                    e.status(),
                    () -> "looking up page " + hex(id),
                    () -> GmmGherkin.pageGone(id, GmmStatus.VERR_GMM_PAGE_NOT_FOUND));
        }
    }

    /** A chunk given back must not be found. */
    void goneChunk(Checks c, Blame b, long id) {
        if (c.failed()) {
            return;
        }
        String rule = b.rule(Part.GONE_CHUNK, id);
        try {
            ChunkInfo info = gmm.chunk(id);
            c.fail(
                    rule,
                    "chunk " + id + " was given back but is still found (" + info + ")",
                    GmmGherkin.chunkGone(id, GmmStatus.VERR_GMM_CHUNK_NOT_FOUND));
        } catch (RejectedException e) {
            c.equal(
                    rule,
                    GmmStatus.VERR_GMM_CHUNK_NOT_FOUND,
                    e.status(),
                    () -> "looking up chunk " + id,
                    () -> GmmGherkin.chunkGone(id, GmmStatus.VERR_GMM_CHUNK_NOT_FOUND));
        }
    }

    /** Every chunk's counts, affinity and kind. */
    void chunks(Checks c, Blame b) {
        for (ModelChunk ch : m.chunks.values()) {
            if (c.failed()) {
                return;
            }
            long id = ch.id;
            String counts = GmmGherkin.chunkCounts(id, ch.free, ch.privatePages, ch.sharedPages);
            ChunkInfo info = c.read(b.rule(Part.CHUNK, id), () -> gmm.chunk(id), () -> "chunk " + id, () -> counts);
            if (info == null) {
                return;
            }
            c.equal(
                    b.rule(Part.CHUNK, id),
                    List.of(ch.free, ch.privatePages, ch.sharedPages),
                    List.of(info.free(), info.privatePages(), info.sharedPages()),
                    () -> "free, private and shared pages of chunk " + id,
                    () -> counts);
            if (ch.affinityFixed) {
                c.equal(
                        b.rule(Part.AFFINITY, id),
                        ch.affinity,
                        info.affinity(),
                        () -> "the VM affinity of chunk " + id,
                        () -> GmmGherkin.affinity(id, ch.affinity == 0 ? null : name(ch.affinity)));
            } else {
                for (ModelVm vm : m.vms) {
                    if (vm.cleaned) {
                        c.that(
                                b.rule(Part.AFFINITY, id),
                                info.affinity() != vm.handle,
                                () -> "chunk " + id + " still has affinity to VM " + vm.name + ", which was cleaned up",
                                () -> "chunk " + id + " has no affinity to VM " + vm.name);
                    }
                }
            }
            c.equal(
                    b.rule(Part.SHARED_FLAG, id),
                    ch.sharedChunk,
                    info.sharedChunk(),
                    () -> "whether chunk " + id + " is dedicated to shared pages",
                    () -> GmmGherkin.sharedFlag(id, ch.sharedChunk));
        }
    }

    /** Every VM's per-VM data. */
    void vms(Checks c, Blame b) {
        for (ModelVm vm : m.vms) {
            if (c.failed()) {
                return;
            }
            VmInfo v = c.read(
                    b.rule(Part.VM_POLICY, vm.handle),
                    () -> gmm.vm(vm.handle),
                    () -> "VM " + vm.name + "'s per-VM data",
                    () -> GmmGherkin.vmPolicy(vm));
            if (v == null) {
                return;
            }
            c.equal(
                    b.rule(Part.VM_POLICY, vm.handle),
                    List.of(vm.policy, vm.priority),
                    List.of(v.policy(), v.priority()),
                    () -> "VM " + vm.name + "'s policy and priority",
                    () -> GmmGherkin.vmPolicy(vm));
            c.equal(
                    b.rule(Part.VM_RESERVED, vm.handle),
                    List.of(vm.reservation[0], vm.reservation[1], vm.reservation[2]),
                    List.of(v.reservedBase(), v.reservedShadow(), v.reservedFixed()),
                    () -> "VM " + vm.name + "'s reservation",
                    () -> GmmGherkin.vmReserved(vm.name, vm.reservation));
            c.equal(
                    b.rule(Part.VM_ACCOUNTS, vm.handle),
                    List.of(vm.allocated[0], vm.allocated[1], vm.allocated[2]),
                    List.of(v.allocatedBase(), v.allocatedShadow(), v.allocatedFixed()),
                    () -> "VM " + vm.name + "'s allocated BASE, SHADOW and FIXED pages",
                    () -> GmmGherkin.vmAccounts(vm.name, vm.allocated));
            c.equal(
                    b.rule(Part.VM_PAGES, vm.handle),
                    List.of(vm.privatePages, vm.sharedRefs),
                    List.of(v.privatePages(), v.sharedPages()),
                    () -> "VM " + vm.name + "'s private pages and shared references",
                    () -> GmmGherkin.vmPages(vm.name, vm.privatePages, vm.sharedRefs));
        }
    }

    /** The global counters; the left-behind count is learned where the catalogue leaves it open. */
    void stats(Checks c, Blame b) {
        if (c.failed()) {
            return;
        }
        GmmStatistics s = c.read(
                b.rule(Part.STATS_ALLOCATED, 0),
                gmm::statistics,
                () -> "the statistics",
                () -> "the statistics show " + m.chunks.size() + " chunks and " + m.freePages() + " free pages");
        if (s == null) {
            return;
        }
        long allocated = m.allocatedPages();
        long shared = m.sharedPageCount();
        long dup = m.duplicates();
        c.equal(
                b.rule(Part.STATS_ALLOCATED, 0),
                List.of(allocated, shared, dup),
                List.of(s.allocatedPages(), s.sharedPages(), s.duplicatePages()),
                () -> "allocated, shared and duplicate pages",
                () -> "the statistics show " + allocated + " allocated, " + shared + " shared and " + dup
                        + " duplicate pages");
        long chunks = m.chunks.size();
        long free = m.freePages();
        c.equal(
                b.rule(Part.STATS_CHUNKS, 0),
                List.of(chunks, free),
                List.of(s.chunks(), s.freePages()),
                () -> "chunks and free pages",
                () -> "the statistics show " + chunks + " chunks and " + free + " free pages");
        long reserved = m.reservedPages();
        long registered = m.registeredVms();
        c.equal(
                b.rule(Part.STATS_RESERVED, 0),
                List.of(reserved, registered),
                List.of(s.reservedPages(), s.registeredVms()),
                () -> "reserved pages and registered VMs",
                () -> "the statistics show " + reserved + " reserved pages and " + registered + " registered VMs");
        if (m.leftBehindKnown) {
            c.equal(
                    b.rule(Part.STATS_LEFT, 0),
                    m.leftBehind,
                    s.leftBehindSharedPages(),
                    () -> "shared pages left behind",
                    () -> "the statistics show " + m.leftBehind + " shared pages left behind");
        } else if (!c.failed()) {
            m.leftBehind = s.leftBehindSharedPages();
            m.leftBehindKnown = true;
        }
    }

    void chunkIds(Checks c, Blame b) {
        if (c.failed()) {
            return;
        }
        List<Long> expected = List.copyOf(m.chunks.keySet());
        List<Long> actual = c.read(
                b.rule(Part.CHUNK_IDS, 0), gmm::chunkIds, () -> "the chunk ids", () -> GmmGherkin.chunkIds(expected));
        if (actual != null) {
            c.equal(
                    b.rule(Part.CHUNK_IDS, 0),
                    expected,
                    actual,
                    () -> "the ids of the chunks held",
                    () -> GmmGherkin.chunkIds(expected));
        }
    }

    /** Every chunk's free LIFO. */
    void lifos(Checks c, Blame b) {
        for (ModelChunk ch : m.chunks.values()) {
            if (c.failed()) {
                return;
            }
            List<Integer> expected = ch.lifo();
            String rule = b.rule(Part.LIFO, ch.id);
            List<Integer> actual = c.read(
                    rule,
                    () -> gmm.introspection().freeLifo(ch.id),
                    () -> "the free LIFO of chunk " + ch.id,
                    () -> GmmGherkin.lifo(ch.id, expected));
            if (actual != null) {
                c.equal(
                        rule,
                        expected,
                        actual,
                        () -> "the free LIFO of chunk " + ch.id + ", from its head",
                        () -> GmmGherkin.lifo(ch.id, expected));
            }
        }
    }

    /** The raw GMMPAGE words of pages of chunks the GMM holds. */
    void raw(Checks c, Blame b, Collection<Long> ids) {
        // the introspection facet is asked for once for all the words (a refusal of it stops the reads, as
        // before: the first read records it and every later one is skipped)
        GmmIntrospection[] in = {null};
        Supplier<GmmIntrospection> introspection = () -> in[0] != null ? in[0] : (in[0] = gmm.introspection());
        for (long id : ids) {
            ModelChunk ch = m.chunkOf(id);
            if (c.failed()) {
                return;
            }
            if (ch == null) {
                continue;
            }
            int i = m.g.indexOf(id);
            long expected;
            long mask = -1L;
            Supplier<String> then;
            String intrinsic;
            switch (ch.state[i]) {
                case PRIVATE -> {
                    expected = ch.pfn[i] | ((long) ch.owner[i] << 32);
                    long pfn = ch.pfn[i];
                    int owner = ch.owner[i];
                    then = () -> "the raw word of page " + hex(id) + " holds guest pfn " + hex(pfn) + " and VM "
                            + name(owner) + "'s handle, in state 0";
                    intrinsic = "GMM-LAYOUT-11";
                }
                case SHARED -> {
                    if (ch.host[i] == ModelChunk.HOST_UNKNOWN || !laterLayout) {
                        continue;
                    }
                    expected = ch.host[i] | (ch.refs[i] << 32) | STATE_SHARED;
                    long refs = ch.refs[i];
                    then = () -> "the raw word of page " + hex(id) + " holds its host pfn and " + refs
                            + (refs == 1 ? " reference" : " references") + ", in state 2";
                    intrinsic = "GMM-LAYOUT-12";
                }
                default -> {
                    int next = ch.next(i);
                    if (ch.zeroed[i] == ModelChunk.ZEROED_UNKNOWN || !laterLayout) {
                        mask = ~ZEROED;
                        expected = next | STATE_FREE;
                        then = () -> "the raw word of page " + hex(id) + " holds next index " + next
                                + " in state 3, zeroed or not";
                        intrinsic = "GMM-LAYOUT-13";
                    } else {
                        expected = next | STATE_FREE | (ch.zeroed[i] == 1 ? ZEROED : 0);
                        long word = expected;
                        then = () -> "the raw word of page " + hex(id) + " is " + hex(word);
                        intrinsic = ch.zeroed[i] == 1 ? "GMM-LAYOUT-13" : "GMM-LAYOUT-14";
                    }
                }
            }
            String blamed = b.rule(Part.RAW, id);
            String rule = blamed == null ? intrinsic : blamed;
            long want = expected;
            long keep = mask;
            Long word =
                    c.read(rule, () -> introspection.get().rawPage(id), () -> "the raw word of page " + hex(id), then);
            if (word != null) {
                c.equalHex(
                        rule,
                        want,
                        word & keep,
                        () -> "the raw GMMPAGE word of page " + hex(id)
                                + (keep == -1L ? "" : " (zeroed flag left out)"),
                        then);
            }
        }
    }

    /**
     * The free sets: which list of which set each chunk is on, the order of each list, the free pages each set
     * records. With {@code relinkable} (after a cleanup, whose relinking order the catalogue leaves open) a list
     * may start with the chunks that joined it and those the cleanup may have relinked, in any order; the rest
     * keep their order from {@code before}, and the adapter's order is taken over.
     */
    void sets(Checks c, Blame b, Map<FreeSetKind, List<List<Long>>> before, Set<Long> relinkable) {
        if (c.failed()) {
            return;
        }
        Map<FreeSetKind, List<List<Long>>> actual = new HashMap<>();
        for (FreeSetKind kind : FreeSetKind.values()) {
            List<List<Long>> lists = c.read(
                    blame(b, "GMM-SET-2"),
                    () -> gmm.introspection().freeSet(kind),
                    () -> "the lists of the " + GmmGherkin.set(kind) + " free set",
                    () -> "each free set has " + m.g.lists() + " lists");
            if (lists == null) {
                return;
            }
            c.equal(
                    blame(b, "GMM-SET-1"),
                    m.g.lists(),
                    lists.size(),
                    () -> "lists in the " + GmmGherkin.set(kind) + " free set",
                    () -> "the " + GmmGherkin.set(kind) + " free set has " + m.g.lists() + " lists");
            if (c.failed()) {
                return;
            }
            actual.put(kind, lists);
        }
        membership(c, b, actual);
        for (FreeSetKind kind : FreeSetKind.values()) {
            List<List<Long>> expected = m.lists(kind);
            for (int l = 0; l < expected.size() && !c.failed(); l++) {
                List<Long> want = expected.get(l);
                List<Long> got = actual.get(kind).get(l);
                if (want.equals(got)) {
                    continue;
                }
                int list = l;
                if (relinkable != null && orderLeftOpen(before.get(kind).get(l), got, relinkable)) {
                    m.adoptOrder(kind, l, got);
                    continue;
                }
                int at = 0;
                while (at < want.size() && at < got.size() && want.get(at).equals(got.get(at))) {
                    at++;
                }
                boolean joinedHere = at < want.size() && m.joined.contains(want.get(at));
                c.fail(
                        blame(b, joinedHere || relinkable != null ? "GMM-SET-5" : "GMM-SET-6"),
                        "list " + list + " of the " + GmmGherkin.set(kind) + " free set holds " + got
                                + " where the rules put " + want,
                        GmmGherkin.list(kind, list, want));
            }
        }
        for (FreeSetKind kind : FreeSetKind.values()) {
            if (c.failed()) {
                return;
            }
            long pages = m.setPages(kind);
            Long recorded = c.read(
                    b.rule(Part.SET_PAGES, 0),
                    () -> gmm.introspection().freeSetPages(kind),
                    () -> "the free pages of the " + GmmGherkin.set(kind) + " free set",
                    () -> "the " + GmmGherkin.set(kind) + " free set records " + pages + " free pages");
            if (recorded != null) {
                c.equal(
                        b.rule(Part.SET_PAGES, 0),
                        pages,
                        recorded,
                        () -> "free pages the " + GmmGherkin.set(kind) + " free set records",
                        () -> "the " + GmmGherkin.set(kind) + " free set records " + pages + " free pages");
            }
        }
    }

    private static String blame(Blame b, String intrinsic) {
        String rule = b.rule(Part.SETS, 0);
        return rule == null ? intrinsic : rule;
    }

    /** Each chunk on the list of the set its kind and free count select, once; full chunks on none. */
    private void membership(Checks c, Blame b, Map<FreeSetKind, List<List<Long>>> actual) {
        Map<Long, int[]> where = new HashMap<>();
        for (FreeSetKind kind : FreeSetKind.values()) {
            List<List<Long>> lists = actual.get(kind);
            for (int l = 0; l < lists.size(); l++) {
                for (long id : lists.get(l)) {
                    int[] was = where.put(id, new int[] {kind.ordinal(), l});
                    if (was != null && !c.failed()) {
                        c.fail(
                                blame(b, "GMM-SET-2"),
                                "chunk " + id + " is on two lists",
                                GmmGherkin.list(kind, l, m.lists(kind).get(l)));
                    }
                }
            }
        }
        for (ModelChunk ch : m.chunks.values()) {
            if (c.failed()) {
                return;
            }
            int[] at = where.remove(ch.id);
            boolean right = at == null ? ch.list < 0 : at[0] == ch.set().ordinal() && at[1] == ch.list;
            if (right) {
                continue;
            }
            String rule;
            if (at != null && at[0] != ch.set().ordinal()) {
                rule = ch.sharedChunk && ch.sharedPages == 0 ? "GMM-SET-10" : "GMM-SET-8";
            } else if (ch.list < 0) {
                rule = "GMM-SET-4";
            } else if (ch.completelyFree()) {
                rule = "GMM-SET-3";
            } else {
                rule = "GMM-SET-2";
            }
            FreeSetKind kind = at == null ? ch.set() : FreeSetKind.values()[at[0]];
            int list = at == null ? ch.list : at[1];
            c.fail(
                    blame(b, rule),
                    "chunk " + ch.id + " with " + ch.free + " free pages is "
                            + (at == null
                                    ? "on no list"
                                    : "on list " + at[1] + " of the " + GmmGherkin.set(kind) + " free set")
                            + " where the rules put it "
                            + (ch.list < 0
                                    ? "on no list"
                                    : "on list " + ch.list + " of the " + GmmGherkin.set(ch.set()) + " free set"),
                    GmmGherkin.list(kind, list, m.lists(kind).get(list)));
        }
        for (Map.Entry<Long, int[]> stray : where.entrySet()) {
            if (c.failed()) {
                return;
            }
            FreeSetKind kind = FreeSetKind.values()[stray.getValue()[0]];
            int list = stray.getValue()[1];
            c.fail(
                    blame(b, "GMM-SET-2"),
                    "chunk " + stray.getKey() + ", which the GMM does not hold, is on list " + list + " of the "
                            + GmmGherkin.set(kind) + " free set",
                    GmmGherkin.list(kind, list, m.lists(kind).get(list)));
        }
    }

    /**
     * Whether {@code got} is a list as a cleanup may leave it: the chunks that joined it and those it may have
     * relinked first, in any order, then the others in the order they had.
     */
    private static boolean orderLeftOpen(List<Long> before, List<Long> got, Set<Long> relinkable) {
        int prefix = 0;
        while (prefix < got.size() && (!before.contains(got.get(prefix)) || relinkable.contains(got.get(prefix)))) {
            prefix++;
        }
        List<Long> rest = got.subList(prefix, got.size());
        if (rest.stream().anyMatch(id -> !before.contains(id))) {
            return false;
        }
        List<Long> kept = new ArrayList<>(before);
        kept.retainAll(rest);
        return kept.equals(rest);
    }
}
