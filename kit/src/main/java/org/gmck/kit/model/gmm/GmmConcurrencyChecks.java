package org.gmck.kit.model.gmm;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gmck.kit.AdapterRun;
import org.gmck.kit.AdapterRuns;
import org.gmck.kit.CheckGuard;
import org.gmck.kit.NotApplicable;
import org.gmck.kit.Timeouts;
import org.gmck.kit.certify.CheckSettings;
import org.gmck.kit.evidence.CaseTally;
import org.gmck.kit.evidence.EvidenceEntries;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.ChunkInfo;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmIntrospection;
import org.gmck.spi.gmm.GmmIntrospection.FreeSetKind;
import org.gmck.spi.gmm.GmmOptions;
import org.gmck.spi.gmm.GmmStatistics;
import org.gmck.spi.gmm.OcPolicy;
import org.gmck.spi.gmm.PageInfo;
import org.gmck.spi.gmm.PageState;
import org.gmck.spi.gmm.Priority;
import org.gmck.spi.gmm.VmInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Part of every certification of {@code gmm}: several VMs allocate, free and share pages at once, each on its own
 * thread, on each edition the adapter declares. Afterwards the GMM must agree with the union of what each VM
 * was told: every page handed out has exactly one owner, with the counts of its VM (GMM-LOCK-1), and every page
 * of every chunk is free or in use, the counters adding up and the free LIFOs holding the free pages where the
 * adapter shows them (GMM-LOCK-2); where it shows the free sets, each chunk is on the list and the set its free
 * count and kind call for, and each set records its chunks' free pages (GMM-SET-2, 4, 7 and 8). A model-based
 * sequence cannot check this: its operations come one at a time. The cases come from the run's seed; their
 * number follows its depth.
 */
@ExtendWith(CheckSettings.Resolver.class)
public class GmmConcurrencyChecks {

    static final String OWNERS = "GMM-LOCK-1";
    static final String CONSERVED = "GMM-LOCK-2";
    /** The free-set rules whose outcome is checked after the VMs called at once, where the adapter shows the sets. */
    static final List<String> SETS = List.of("GMM-SET-2", "GMM-SET-4", "GMM-SET-7", "GMM-SET-8");

    /** Cases per edition at a depth: 2 quick, 8 standard, 80 deep. */
    static int cases(CheckSettings settings) {
        return Math.max(2, settings.depth().sequences() / 5);
    }

    @Test
    void vmsCallingAtOnceLeaveOneOwnerPerPageAndPagesThatAddUp(
            CheckSettings settings, AdapterRun run, TestReporter reporter) {
        ConformanceAdapter adapter = run.selected();
        NotApplicable.unless(
                settings.runs(Profile.GMM, adapter.profiles()),
                () -> "adapter '" + adapter.name() + "' does not declare profile gmm");
        boolean introspect = adapter.profiles().contains(Profile.GMM_INTROSPECTION);
        CheckGuard guard = new CheckGuard(Timeouts.forRun());
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, List<CaseTally.FailedCase>> first = new LinkedHashMap<>();
        List<String> rules = new ArrayList<>(List.of(OWNERS, CONSERVED));
        if (introspect) {
            rules.addAll(SETS);
        }
        for (String rule : rules) {
            counts.put(rule, new int[2]);
            first.put(rule, new ArrayList<>());
        }
        String source = "VMs calling the GMM at once (seed " + settings.seed() + ")";
        for (GmmEdition edition : GmmEdition.values()) {
            if (!adapter.gmm().editions().contains(edition)) {
                continue;
            }
            int[] n = {0};
            boolean[] hung = {false};
            qt().withFixedSeed(settings.seed() ^ (edition.ordinal() + 1L) << 20)
                    .withExamples(cases(settings))
                    .withShrinkCycles(0)
                    .forAll(
                            integers().between(2, 8),
                            integers().between(20, 150),
                            integers().all())
                    .check((drawn, steps, seed) -> {
                        // the first case of each edition runs eight VMs at once, the others a drawn number
                        int vms = n[0] == 0 ? 8 : drawn;
                        if (hung[0] || org.gmck.kit.RunLimits.stopped().isPresent()) {
                            return true;
                        }
                        String id = edition + "-" + ++n[0] + " (" + vms + " VMs, " + steps + " steps each, seed " + seed
                                + ")";
                        Map<String, Optional<String>> found;
                        AdapterRuns.release();
                        try {
                            @SuppressWarnings("unchecked")
                            Map<String, Optional<String>> result = (Map<String, Optional<String>>) guard.call(
                                    "VMs calling at once", () -> play(adapter, edition, vms, steps, seed, introspect));
                            found = result;
                        } catch (CheckGuard.AdapterFailure e) {
                            hung[0] = e.hung();
                            found = everyRule(rules, e.getMessage());
                        } catch (org.gmck.spi.common.RejectedException e) {
                            String why = "the adapter refused a call while setting up the VMs: " + e.getMessage();
                            found = everyRule(rules, why);
                        }
                        found.forEach((rule, difference) -> {
                            int[] c = counts.get(rule);
                            c[0]++;
                            if (difference.isPresent()) {
                                c[1]++;
                                if (first.get(rule).size() < CaseTally.SHOWN) {
                                    first.get(rule).add(new CaseTally.FailedCase(id, difference.get()));
                                }
                            }
                        });
                        return true;
                    });
        }
        List<String> failures = new ArrayList<>();
        counts.forEach((rule, c) -> {
            CaseTally tally = new CaseTally(source, c[0], c[1], 0, first.get(rule));
            EvidenceEntries.publish(reporter, rule, tally);
            if (c[1] > 0) {
                failures.add(rule + ": " + c[1] + " of " + c[0] + " cases, first "
                        + tally.first().get(0));
            }
        });
        assertTrue(failures.isEmpty(), () -> source + ":\n  " + String.join("\n  ", failures));
    }

    /** The same difference for every rule the cases check: the adapter hung or refused a call while the VMs were set up. */
    private static Map<String, Optional<String>> everyRule(List<String> rules, String why) {
        Map<String, Optional<String>> found = new LinkedHashMap<>();
        rules.forEach(rule -> found.put(rule, Optional.of(why)));
        return found;
    }

    /** What one VM's thread was told: its kept private pages, the shared pages it made. */
    private record Told(List<Long> kept, List<Long> shared) {}

    /** One case: the VMs play at once; then what each rule requires is checked, each giving its first difference. */
    private static Map<String, Optional<String>> play(
            ConformanceAdapter adapter, GmmEdition edition, int vmCount, int steps, int seed, boolean introspect)
            throws Exception {
        int pages = edition == GmmEdition.SEED_1MB ? 256 : 512;
        GlobalMemory gmm = adapter.gmm().create(edition, new GmmOptions(64L * pages, false));
        List<Integer> vms = new ArrayList<>();
        for (int i = 0; i < vmCount; i++) {
            int vm = gmm.createVm();
            gmm.reserve(vm, 1L << 16, 1, 1, OcPolicy.TBD, Priority.NORMAL);
            vms.add(vm);
        }
        ExecutorService pool = Executors.newFixedThreadPool(vmCount);
        List<Told> told = new ArrayList<>();
        try {
            List<Future<Told>> results = new ArrayList<>();
            for (int i = 0; i < vmCount; i++) {
                int vm = vms.get(i);
                long threadSeed = seed * 31L + i;
                results.add(pool.submit(() -> run(gmm, vm, steps, new Random(threadSeed))));
            }
            for (Future<Told> result : results) {
                told.add(result.get(60, TimeUnit.SECONDS));
            }
        } catch (java.util.concurrent.ExecutionException e) {
            String why = "a VM's call failed while the others called: " + e.getCause();
            return Map.of(OWNERS, Optional.of(why), CONSERVED, Optional.empty());
        } finally {
            pool.shutdownNow();
        }
        Map<String, Optional<String>> found = new LinkedHashMap<>();
        found.put(OWNERS, refusalsFail(() -> owners(gmm, vms, told)));
        found.put(CONSERVED, refusalsFail(() -> conserved(gmm, told, introspect)));
        if (introspect) {
            SETS.forEach(rule -> found.put(rule, Optional.empty()));
            try {
                freeSets(gmm).ifPresent(f -> found.put(f.rule(), Optional.of(f.difference())));
            } catch (org.gmck.spi.common.RejectedException e) {
                SETS.forEach(rule -> found.put(
                        rule,
                        Optional.of("the adapter refused a read after the VMs called at once: " + e.getMessage())));
            }
        }
        return found;
    }

    /** A check whose reads the adapter refuses fails. */
    private static Optional<String> refusalsFail(java.util.function.Supplier<Optional<String>> check) {
        try {
            return check.get();
        } catch (org.gmck.spi.common.RejectedException e) {
            return Optional.of("the adapter refused a read after the VMs called at once: " + e.getMessage());
        }
    }

    /** One VM's thread: allocate (mostly two pages), free and share its own pages. */
    private static Told run(GlobalMemory gmm, int vm, int steps, Random random) {
        List<Long> kept = new ArrayList<>();
        List<Long> shared = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            int choice = random.nextInt(10);
            if (choice < 6 || kept.isEmpty()) {
                for (AllocatedPage page : gmm.allocate(vm, Account.BASE, List.of((long) i, (long) i + steps))) {
                    kept.add(page.pageId());
                }
            } else if (choice < 9) {
                long page = kept.remove(random.nextInt(kept.size()));
                gmm.free(vm, Account.BASE, List.of(page));
            } else {
                long page = kept.remove(random.nextInt(kept.size()));
                shared.add(gmm.share(vm, page).pageId());
            }
        }
        return new Told(kept, shared);
    }

    /** GMM-LOCK-1: no page was handed to two VMs, each kept page is its VM's, each shared page has its references. */
    private static Optional<String> owners(GlobalMemory gmm, List<Integer> vms, List<Told> told) {
        Map<Long, Integer> owner = new HashMap<>();
        Map<Long, Long> refs = new HashMap<>();
        for (int i = 0; i < vms.size(); i++) {
            for (long id : told.get(i).kept()) {
                Integer other = owner.put(id, vms.get(i));
                if (other != null) {
                    return Optional.of(
                            "page " + Long.toHexString(id) + " was handed to VMs " + other + " and " + vms.get(i));
                }
            }
            told.get(i).shared().forEach(id -> refs.merge(id, 1L, Long::sum));
        }
        for (Map.Entry<Long, Integer> e : owner.entrySet()) {
            if (refs.containsKey(e.getKey())) {
                return Optional.of(
                        "page " + Long.toHexString(e.getKey()) + " is both VM " + e.getValue() + "'s and shared");
            }
            PageInfo info = gmm.page(e.getKey());
            if (info.state() != PageState.PRIVATE || info.owner() != e.getValue()) {
                return Optional.of(
                        "page " + Long.toHexString(e.getKey()) + " was kept by VM " + e.getValue() + " but is " + info);
            }
        }
        for (Map.Entry<Long, Long> e : refs.entrySet()) {
            PageInfo info = gmm.page(e.getKey());
            if (info.state() != PageState.SHARED || info.refs() != e.getValue()) {
                return Optional.of("shared page " + Long.toHexString(e.getKey()) + " was made " + e.getValue()
                        + " time(s) but is " + info);
            }
        }
        for (int i = 0; i < vms.size(); i++) {
            VmInfo v = gmm.vm(vms.get(i));
            long kept = told.get(i).kept().size();
            long shared = told.get(i).shared().size();
            if (v.privatePages() != kept || v.sharedPages() != shared || v.allocatedBase() != kept + shared) {
                return Optional.of("VM " + vms.get(i) + " kept " + kept + " private pages and made " + shared
                        + " shared ones, but its per-VM data says " + v);
            }
        }
        return Optional.empty();
    }

    /** GMM-LOCK-2: every page of every chunk is free or in use, the counters adding up and each free LIFO holding the free pages. */
    private static Optional<String> conserved(GlobalMemory gmm, List<Told> told, boolean introspect) {
        int pages = gmm.geometry().pagesPerChunk();
        GmmStatistics stats = gmm.statistics();
        List<Long> chunks = gmm.chunkIds();
        if (stats.chunks() != chunks.size()) {
            return Optional.of("the statistics count " + stats.chunks() + " chunks, the GMM lists " + chunks.size());
        }
        long privatePages = 0;
        long sharedPages = 0;
        long free = 0;
        Map<Long, ChunkInfo> infos = new HashMap<>();
        for (long id : chunks) {
            ChunkInfo c = gmm.chunk(id);
            infos.put(id, c);
            if (c.free() + c.privatePages() + c.sharedPages() != pages) {
                return Optional.of("the pages of chunk " + id + " do not add up: " + c);
            }
            privatePages += c.privatePages();
            sharedPages += c.sharedPages();
            free += c.free();
        }
        long kept = told.stream().mapToLong(t -> t.kept().size()).sum();
        long shared = told.stream().mapToLong(t -> t.shared().size()).sum();
        if (free + stats.allocatedPages() != chunks.size() * (long) pages || free != stats.freePages()) {
            return Optional.of(free + " free pages in the chunks, " + stats + ", for " + chunks.size() + " chunks");
        }
        if (privatePages != kept
                || sharedPages != shared
                || stats.allocatedPages() != kept + shared
                || stats.sharedPages() != shared
                || stats.duplicatePages() != 0) {
            return Optional.of(kept + " pages kept and " + shared + " shared, but the chunks hold " + privatePages
                    + " private and " + sharedPages + " shared pages and the statistics say " + stats);
        }
        return introspect ? freeLifos(gmm, chunks, infos) : Optional.empty();
    }

    /** Each chunk's free LIFO holds its free pages, each once, where the adapter shows the LIFOs. */
    private static Optional<String> freeLifos(GlobalMemory gmm, List<Long> chunks, Map<Long, ChunkInfo> infos) {
        GmmIntrospection in = gmm.introspection();
        int shift = gmm.geometry().chunkIdShift();
        for (long id : chunks) {
            List<Integer> lifo = in.freeLifo(id);
            if (lifo.size() != infos.get(id).free() || new HashSet<>(lifo).size() != lifo.size()) {
                return Optional.of("the free LIFO of chunk " + id + " (" + lifo.size() + " entries) does not hold its "
                        + infos.get(id).free() + " free pages once each");
            }
            for (int index : lifo) {
                if (gmm.page((id << shift) | index).state() != PageState.FREE) {
                    return Optional.of("page " + index + " on chunk " + id + "'s free LIFO is not free");
                }
            }
        }
        return Optional.empty();
    }

    /** A free set that is not as its rule requires: the rule and the difference. */
    private record SetFinding(String rule, String difference) {}

    /** GMM-SET-2, 4, 7 and 8 after the VMs called at once: each chunk on the list of its free count in the set of its kind. */
    private static Optional<SetFinding> freeSets(GlobalMemory gmm) {
        GmmIntrospection in = gmm.introspection();
        boolean seed = gmm.geometry().pagesPerChunk() == 256;
        List<Long> chunks = gmm.chunkIds();
        Map<Long, ChunkInfo> infos = new HashMap<>();
        for (long id : chunks) {
            infos.put(id, gmm.chunk(id));
        }
        Set<Long> listed = new HashSet<>();
        for (FreeSetKind kind : FreeSetKind.values()) {
            List<List<Long>> lists = in.freeSet(kind);
            long sum = 0;
            for (int l = 0; l < lists.size(); l++) {
                for (long id : lists.get(l)) {
                    ChunkInfo c = infos.get(id);
                    String where = "chunk " + id + " on list " + l + " of the " + kind + " free set: " + c;
                    if (c != null && c.free() == 0) {
                        return Optional.of(new SetFinding("GMM-SET-4", where));
                    }
                    if (c != null && c.sharedChunk() != (kind == FreeSetKind.SHARED)) {
                        return Optional.of(new SetFinding("GMM-SET-8", where));
                    }
                    int want = c == null ? -1 : seed ? (c.free() - 1) >> 4 : c.free() >> 4;
                    if (!listed.add(id) || want != l) {
                        return Optional.of(new SetFinding("GMM-SET-2", where));
                    }
                    sum += c.free();
                }
            }
            if (sum != in.freeSetPages(kind)) {
                return Optional.of(new SetFinding(
                        "GMM-SET-7",
                        "the " + kind + " free set records " + in.freeSetPages(kind) + " free pages, its chunks have "
                                + sum));
            }
        }
        for (long id : chunks) {
            if (infos.get(id).free() > 0 && !listed.contains(id)) {
                return Optional.of(new SetFinding("GMM-SET-2", "chunk " + id + " has free pages but is on no list"));
            }
        }
        return Optional.empty();
    }
}
