package org.gmck.kit.properties.gmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gmck.kit.Adapters;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.Profile;
import org.gmck.spi.RejectedException;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.CleanupReport;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmOptions;
import org.gmck.spi.gmm.GmmStatus;
import org.gmck.spi.gmm.OcPolicy;
import org.gmck.spi.gmm.Priority;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random sequences of allocate, free, share, use, release, cleanup and bad input for three VMs, held step
 * by step against {@link GmmModel}: after every step pages are conserved, no page has two owners, chunk
 * statistics add up and (with gmm-introspection) the free lists are well formed. A refused step must be
 * refused with the status the model predicts and change nothing. Runs for each declared edition.
 */
class GmmModelPropertiesTest {

    private static final int VMS = 3;
    private static final int ROOM_IN_CHUNKS = 6;
    private static final long SEED = Long.getLong("gmm.seed", 20261122L);

    /** One step: what to do, which VM, two free choices. */
    record Op(Kind kind, int vm, int a, int b) {
    }

    enum Kind {
        ALLOCATE, ALLOCATE_MANY, FREE, SHARE, USE, RELEASE, CLEANUP, BAD_FREE, BAD_RELEASE
    }

    @Test
    void oneMegabyteChunksFollowTheModel() {
        check(GmmEdition.SEED_1MB);
    }

    @Test
    void twoMegabyteChunksFollowTheModel() {
        check(GmmEdition.CURRENT_2MB);
    }

    private void check(GmmEdition edition) {
        ConformanceAdapter adapter = Adapters.selected();
        Assumptions.assumeTrue(adapter.profiles().contains(Profile.GMM), "adapter does not declare profile gmm");
        Assumptions.assumeTrue(adapter.gmm().editions().contains(edition), "adapter does not declare " + edition);
        Gen<Op> op = integers().between(0, Kind.values().length - 1).zip(integers().between(0, VMS - 1),
                integers().between(0, 999), integers().between(0, 999),
                (k, vm, a, b) -> new Op(Kind.values()[k], vm, a, b));
        qt().withFixedSeed(SEED).withExamples(40).withShrinkCycles(50)
                .forAll(lists().of(op).ofSizeBetween(1, 40))
                .checkAssert(ops -> new Run(adapter, edition).play(ops));
    }

    /** One sequence against one fresh manager. */
    private static final class Run {
        private final GlobalMemory gmm;
        private final boolean introspect;
        private final int pagesPerChunk;
        private final long reservedBase;
        private final int[] vms = new int[VMS];
        private final GmmModel model = new GmmModel();
        private final StringBuilder trace = new StringBuilder();

        Run(ConformanceAdapter adapter, GmmEdition edition) {
            pagesPerChunk = edition == GmmEdition.SEED_1MB ? 256 : 512;
            gmm = adapter.gmm().create(edition, new GmmOptions((long) ROOM_IN_CHUNKS * pagesPerChunk, false));
            introspect = adapter.profiles().contains(Profile.GMM_INTROSPECTION);
            reservedBase = 3L * pagesPerChunk;
            for (int i = 0; i < VMS; i++) {
                vms[i] = newVm();
            }
            trace.append(GmmInvariants.describe(edition));
        }

        private int newVm() {
            int vm = gmm.createVm();
            gmm.reserve(vm, reservedBase, 1, 1, OcPolicy.TBD, Priority.NORMAL);
            return vm;
        }

        void play(List<Op> ops) {
            for (Op op : ops) {
                trace.append(" -> ").append(op);
                step(op);
                GmmInvariants.check(gmm, model, live(), introspect, trace.toString());
            }
        }

        private List<Integer> live() {
            List<Integer> live = new ArrayList<>();
            for (int vm : vms) {
                live.add(vm);
            }
            return live;
        }

        private void step(Op op) {
            int vm = vms[op.vm()];
            switch (op.kind()) {
                case ALLOCATE -> allocate(vm, 1 + op.a() % 64);
                case ALLOCATE_MANY -> allocate(vm, 1 + op.a() % (2 * pagesPerChunk));
                case FREE -> free(vm, op.a(), op.b());
                case SHARE -> share(vm, op.a());
                case USE -> use(vm, op.a());
                case RELEASE -> release(vm, op.a());
                case CLEANUP -> cleanup(op.vm());
                case BAD_FREE -> badFree(vm, op.a(), op.b());
                case BAD_RELEASE -> badRelease(vm, op.a());
                default -> fail("unknown step " + op);
            }
        }

        private void allocate(int vm, int count) {
            List<Long> pfns = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                pfns.add(i);
            }
            boolean overHost = model.allocated() + count > (long) ROOM_IN_CHUNKS * pagesPerChunk;
            boolean overAccount = model.base.getOrDefault(vm, 0L) + count > reservedBase;
            Map<String, Object> before = snapshot();
            try {
                List<AllocatedPage> pages = gmm.allocate(vm, Account.BASE, pfns);
                assertFalse(overHost || overAccount, trace + ": allocation beyond a limit was accepted");
                assertEquals(count, pages.size(), trace + ": pages handed out");
                for (AllocatedPage page : pages) {
                    assertFalse(model.owner.containsKey(page.pageId()) || model.refs.containsKey(page.pageId()),
                            trace + ": page " + Long.toHexString(page.pageId()) + " handed out while in use");
                    model.allocated(vm, page.pageId());
                }
            } catch (RejectedException e) {
                GmmStatus expected = overHost ? GmmStatus.VERR_GMM_HIT_GLOBAL_LIMIT
                        : overAccount ? GmmStatus.VERR_GMM_HIT_VM_ACCOUNT_LIMIT : GmmStatus.VERR_GMM_HIT_GLOBAL_LIMIT;
                assertEquals(expected, e.status(), trace + ": status of a refused allocation");
                assertTrue(overHost || overAccount || sharedChunksExist(),
                        trace + ": allocation refused although the host limit has room and no shared chunk fragments it");
                assertEquals(before, snapshot(), trace + ": a refused allocation changed something");
            }
        }

        private boolean sharedChunksExist() {
            return gmm.chunkIds().stream().anyMatch(id -> gmm.chunk(id).sharedChunk());
        }

        private void free(int vm, int a, int b) {
            List<Long> own = model.privatePagesOf(vm);
            if (own.isEmpty()) {
                return;
            }
            List<Long> chosen = new ArrayList<>();
            for (int i = 0; i < 1 + b % 4 && i < own.size(); i++) {
                chosen.add(own.get((a + i) % own.size()));
            }
            gmm.free(vm, Account.BASE, chosen);
            chosen.forEach(page -> model.freed(vm, page));
        }

        private void share(int vm, int a) {
            List<Long> own = model.privatePagesOf(vm);
            if (own.isEmpty()) {
                return;
            }
            long page = own.get(a % own.size());
            Map<String, Object> before = snapshot();
            try {
                AllocatedPage shared = gmm.share(vm, page);
                assertFalse(model.owner.containsKey(shared.pageId()) || model.refs.containsKey(shared.pageId()),
                        trace + ": shared page handed out while in use");
                model.shared(vm, page, shared.pageId());
            } catch (RejectedException e) {
                assertEquals(GmmStatus.VERR_GMM_HIT_GLOBAL_LIMIT, e.status(), trace + ": status of a refused share");
                assertEquals(ROOM_IN_CHUNKS, gmm.chunkIds().size(), trace + ": share refused with room for a chunk");
                assertEquals(before, snapshot(), trace + ": a refused share changed something");
            }
        }

        private void use(int vm, int a) {
            if (model.refs.isEmpty()) {
                return;
            }
            long page = new ArrayList<>(model.refs.keySet()).get(a % model.refs.size());
            if (model.base.getOrDefault(vm, 0L) + 1 > reservedBase) {
                expectRefused(() -> gmm.useShared(vm, page), GmmStatus.VERR_GMM_HIT_VM_ACCOUNT_LIMIT);
                return;
            }
            gmm.useShared(vm, page);
            model.used(vm, page);
        }

        private void release(int vm, int a) {
            Map<Long, Long> mine = model.held.getOrDefault(vm, Map.of());
            if (mine.isEmpty()) {
                return;
            }
            long page = new ArrayList<>(mine.keySet()).get(a % mine.size());
            gmm.releaseShared(vm, page);
            model.released(vm, page);
        }

        private void cleanup(int slot) {
            int vm = vms[slot];
            long privatePages = model.privateCount(vm);
            CleanupReport report = gmm.cleanup(vm);
            assertEquals(privatePages, report.freedPrivatePages(), trace + ": private pages freed by cleanup");
            assertEquals(List.of(), report.repairs(), trace + ": cleanup found bogus statistics");
            assertFalse(report.lastVm(), trace + ": cleanup with other VMs alive flushed everything");
            model.cleanedUp(vm);
            expectRefused(() -> gmm.allocate(vm, Account.BASE, List.of(0L)), GmmStatus.VERR_INVALID_VM_HANDLE);
            expectRefused(() -> gmm.cleanup(vm), GmmStatus.VERR_WRONG_ORDER);
            vms[slot] = newVm();
        }

        /** Frees a page chosen anywhere in the pool; the model says whether and why it must be refused. */
        private void badFree(int vm, int a, int b) {
            List<Long> chunks = gmm.chunkIds();
            long chunk = chunks.isEmpty() || b % 5 == 0 ? 1 + b % 7 + (chunks.isEmpty() ? 0 : chunks.get(chunks.size() - 1))
                    : chunks.get(b % chunks.size());
            long page = chunk * pagesPerChunk + a % pagesPerChunk;
            Integer owner = model.owner.get(page);
            GmmStatus expected;
            if (!chunks.contains(chunk)) {
                expected = GmmStatus.VERR_GMM_PAGE_NOT_FOUND;
            } else if (model.refs.containsKey(page)) {
                expected = GmmStatus.VERR_GMM_PAGE_NOT_PRIVATE;
            } else if (owner == null) {
                expected = GmmStatus.VERR_GMM_PAGE_ALREADY_FREE;
            } else if (owner != vm) {
                expected = GmmStatus.VERR_GMM_NOT_PAGE_OWNER;
            } else {
                return;
            }
            if (model.base.getOrDefault(vm, 0L) < 1) {
                expected = GmmStatus.VERR_GMM_ATTEMPT_TO_FREE_TOO_MUCH;
            }
            expectRefused(() -> {
                gmm.free(vm, Account.BASE, List.of(page));
                return null;
            }, expected);
        }

        private void badRelease(int vm, int a) {
            List<Long> notHeld = new ArrayList<>(model.refs.keySet());
            notHeld.removeAll(model.held.getOrDefault(vm, Map.of()).keySet());
            if (!notHeld.isEmpty()) {
                long page = notHeld.get(a % notHeld.size());
                expectRefused(() -> {
                    gmm.releaseShared(vm, page);
                    return null;
                }, GmmStatus.VERR_GMM_NOT_PAGE_OWNER);
            } else if (!model.owner.isEmpty()) {
                long page = new ArrayList<>(model.owner.keySet()).get(a % model.owner.size());
                expectRefused(() -> {
                    gmm.releaseShared(vm, page);
                    return null;
                }, GmmStatus.VERR_GMM_PAGE_NOT_SHARED);
            }
        }

        private void expectRefused(java.util.function.Supplier<Object> call, GmmStatus status) {
            Map<String, Object> before = snapshot();
            try {
                call.get();
                fail(trace + ": accepted, but must be refused with " + status);
            } catch (RejectedException e) {
                assertEquals(status, e.status(), trace + ": status");
            }
            assertEquals(before, snapshot(), trace + ": a refused call changed something");
        }

        private Map<String, Object> snapshot() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("statistics", gmm.statistics());
            for (int vm : vms) {
                values.put("VM " + vm, gmm.vm(vm));
            }
            for (long id : gmm.chunkIds()) {
                values.put("chunk " + id, gmm.chunk(id));
                if (introspect) {
                    values.put("LIFO " + id, gmm.introspection().freeLifo(id));
                }
            }
            return values;
        }
    }
}
