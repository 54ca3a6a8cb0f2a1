package org.gmck.kit.properties.gmm;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gmck.kit.Adapters;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.Profile;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmOptions;
import org.gmck.spi.gmm.OcPolicy;
import org.gmck.spi.gmm.Priority;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Several VMs allocate, free and share at once, each on its own thread; afterwards the manager must agree
 * with the union of what each VM was told: one owner per page, pages conserved, statistics adding up.
 */
class GmmConcurrencyPropertiesTest {

    private static final long SEED = Long.getLong("gmm.seed", 20261122L);

    @Test
    void vmsCallingAtOnceLeaveAConsistentManager() {
        ConformanceAdapter adapter = Adapters.selected();
        Assumptions.assumeTrue(adapter.profiles().contains(Profile.GMM), "adapter does not declare profile gmm");
        GmmEdition edition = adapter.gmm().editions().iterator().next();
        qt().withFixedSeed(SEED).withExamples(8).withShrinkCycles(0)
                .forAll(integers().between(2, 5), integers().between(20, 150), integers().all())
                .checkAssert((vms, steps, seed) -> run(adapter, edition, vms, steps, seed));
    }

    private static void run(ConformanceAdapter adapter, GmmEdition edition, int vmCount, int steps, int seed) {
        GlobalMemory gmm = adapter.gmm().create(edition, new GmmOptions(64L * 512, false));
        List<Integer> vms = new ArrayList<>();
        for (int i = 0; i < vmCount; i++) {
            int vm = gmm.createVm();
            gmm.reserve(vm, 1L << 16, 1, 1, OcPolicy.TBD, Priority.NORMAL);
            vms.add(vm);
        }
        GmmModel model = new GmmModel();
        ExecutorService pool = Executors.newFixedThreadPool(vmCount);
        try {
            List<Future<GmmModel>> results = new ArrayList<>();
            for (int i = 0; i < vmCount; i++) {
                int vm = vms.get(i);
                long threadSeed = seed * 31L + i;
                results.add(pool.submit(() -> play(gmm, vm, steps, new Random(threadSeed))));
            }
            for (Future<GmmModel> result : results) {
                GmmModel part = result.get(60, TimeUnit.SECONDS);
                for (var e : part.owner.entrySet()) {
                    assertTrue(model.owner.put(e.getKey(), e.getValue()) == null,
                            "page " + Long.toHexString(e.getKey()) + " was handed to two VMs");
                }
                part.refs.forEach((page, refs) -> model.refs.merge(page, refs, Long::sum));
                model.held.putAll(part.held);
                model.base.putAll(part.base);
            }
        } catch (Exception e) {
            throw new AssertionError("concurrent run failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
        GmmInvariants.check(gmm, model, vms, adapter.profiles().contains(Profile.GMM_INTROSPECTION),
                vmCount + " VMs, " + steps + " steps each, seed " + seed);
    }

    /** One VM's thread: allocate, free and share its own pages; returns what it was told. */
    private static GmmModel play(GlobalMemory gmm, int vm, int steps, Random random) {
        GmmModel mine = new GmmModel();
        for (int i = 0; i < steps; i++) {
            List<Long> own = mine.privatePagesOf(vm);
            int choice = random.nextInt(10);
            if (choice < 6 || own.isEmpty()) {
                for (AllocatedPage page : gmm.allocate(vm, Account.BASE, List.of((long) i, (long) i + steps))) {
                    mine.allocated(vm, page.pageId());
                }
            } else if (choice < 9) {
                long page = own.get(random.nextInt(own.size()));
                gmm.free(vm, Account.BASE, List.of(page));
                mine.freed(vm, page);
            } else {
                long page = own.get(random.nextInt(own.size()));
                mine.shared(vm, page, gmm.share(vm, page).pageId());
            }
        }
        return mine;
    }
}
