package org.gmck.reference.gmm;

import static org.gmck.reference.Refusals.assertRefusedUnchanged;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.gmck.reference.Refusals.Case;
import org.gmck.reference.binding.ReferenceAdapter;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmOptions;
import org.gmck.spi.gmm.GmmStatus;
import org.gmck.spi.gmm.OcPolicy;
import org.gmck.spi.gmm.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to the reference GMM through the SPI: each row must be refused with its status and leave every
 * observable state (statistics, VMs, chunks, pages) as it was.
 */
class GmmBadInputTest {

    private static final long HOST_PAGES = 64 * 256;
    private static final long[] EXTREMES = {0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 52, (1L << 63) - 4096};

    /** A manager with two VMs: VM 1 reserved and holding 3 BASE pages, VM 2 without a reservation. */
    private static final class World {
        final GlobalMemory gmm =
                new ReferenceAdapter().gmm().create(GmmEdition.SEED_1MB, new GmmOptions(HOST_PAGES, false));
        final int vm = gmm.createVm();
        final int other = gmm.createVm();
        final List<Long> pages = new ArrayList<>();

        World() {
            gmm.reserve(vm, 1000, 10, 10, OcPolicy.NO_OC, Priority.NORMAL);
            gmm.allocate(vm, Account.BASE, List.of(1L, 2L, 3L)).forEach(p -> pages.add(p.pageId()));
        }

        Object state() {
            List<Object> s = new ArrayList<>();
            s.add(gmm.statistics());
            s.add(gmm.vm(vm));
            s.add(gmm.vm(other));
            for (long chunk : gmm.chunkIds()) {
                s.add(gmm.chunk(chunk));
                s.add(gmm.introspection().freeLifo(chunk));
            }
            for (long page : pages) {
                s.add(gmm.page(page));
            }
            s.add(gmm.introspection().freeSet(org.gmck.spi.gmm.GmmIntrospection.FreeSetKind.PRIVATE));
            return s;
        }
    }

    interface Call {
        void on(World w);
    }

    private static Stream<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        // unknown ids
        row(
                rows,
                "allocate for an unknown VM",
                GmmStatus.VERR_INVALID_VM_HANDLE,
                w -> w.gmm.allocate(99, Account.BASE, List.of(5L)));
        row(
                rows,
                "free a page id in no chunk",
                GmmStatus.VERR_GMM_PAGE_NOT_FOUND,
                w -> w.gmm.free(w.vm, Account.BASE, List.of(0x00F0_0000L)));
        row(rows, "ask for a chunk that does not exist", GmmStatus.VERR_GMM_CHUNK_NOT_FOUND, w -> w.gmm.chunk(4000));
        // double frees
        row(
                rows,
                "free the same page twice in one call",
                GmmStatus.VERR_GMM_PAGE_ALREADY_FREE,
                w -> w.gmm.free(w.vm, Account.BASE, List.of(w.pages.get(0), w.pages.get(0))));
        row(
                rows,
                "allocate before the initial reservation",
                GmmStatus.VERR_WRONG_ORDER,
                w -> w.gmm.allocate(w.other, Account.BASE, List.of(5L)));
        // out-of-range counts and ids, each extreme
        for (long x : EXTREMES) {
            GmmStatus page = x == 0 ? GmmStatus.VERR_GMM_PAGE_NOT_FOUND : GmmStatus.VERR_INVALID_PARAMETER;
            row(rows, "page id " + x, page, w -> w.gmm.page(x));
            row(rows, "share page id " + x, page, w -> w.gmm.share(w.vm, x));
            row(rows, "chunk id " + x, GmmStatus.VERR_INVALID_PARAMETER, w -> w.gmm.chunk(x));
            if (x > 0) {
                row(
                        rows,
                        "NO_OC update to " + x + " base pages",
                        GmmStatus.VERR_GMM_MEMORY_RESERVATION_DECLINED,
                        w -> w.gmm.updateReservation(w.vm, x, 10, 10));
            } else {
                row(
                        rows,
                        "update to " + x + " base pages",
                        GmmStatus.VERR_INVALID_PARAMETER,
                        w -> w.gmm.updateReservation(w.vm, x, 10, 10));
            }
            if (x > GmmPage.PFN_LAST) {
                row(
                        rows,
                        "allocate guest pfn " + x,
                        GmmStatus.VERR_INVALID_PARAMETER,
                        w -> w.gmm.allocate(w.vm, Account.BASE, List.of(x)));
            }
        }
        // sums that overflow: counts near Long.MAX_VALUE together
        row(
                rows,
                "NO_OC reservation whose counts sum past Long.MAX_VALUE",
                GmmStatus.VERR_GMM_MEMORY_RESERVATION_DECLINED,
                w -> w.gmm.updateReservation(w.vm, Long.MAX_VALUE, Long.MAX_VALUE, 2));
        row(
                rows,
                "NO_OC reservation summing to exactly 2^64 + 1",
                GmmStatus.VERR_GMM_MEMORY_RESERVATION_DECLINED,
                w -> w.gmm.updateReservation(w.vm, Long.MAX_VALUE, Long.MAX_VALUE, 3));
        row(
                rows,
                "NO_OC reservation of a second VM that overflows with the first",
                GmmStatus.VERR_GMM_MEMORY_RESERVATION_DECLINED,
                w -> w.gmm.reserve(w.other, Long.MAX_VALUE - 1000, 10, 1, OcPolicy.NO_OC, Priority.NORMAL));
        row(
                rows,
                "over-committed reservations whose total no long holds",
                GmmStatus.VERR_INVALID_PARAMETER,
                w -> w.gmm.reserve(w.other, Long.MAX_VALUE, 1, 1, OcPolicy.TBD, Priority.NORMAL));
        // exhausted memory
        row(
                rows,
                "10^6 pages on a host of 16K",
                GmmStatus.VERR_GMM_HIT_GLOBAL_LIMIT,
                w -> w.gmm.allocate(w.vm, Account.BASE, Collections.nCopies(1_000_000, -1L)));
        row(
                rows,
                "2^20 pages in one call",
                GmmStatus.VERR_INVALID_PARAMETER,
                w -> w.gmm.allocate(w.vm, Account.BASE, Collections.nCopies(1 << 20, -1L)));
        row(
                rows,
                "free more than allocated",
                GmmStatus.VERR_GMM_ATTEMPT_TO_FREE_TOO_MUCH,
                w -> w.gmm.free(w.vm, Account.SHADOW, List.of(w.pages.get(0))));
        return rows.stream();
    }

    private static void row(List<Object[]> rows, String name, GmmStatus status, Call call) {
        rows.add(new Object[] {name, status, call});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void refusedWithNothingChanged(String name, GmmStatus status, Call call) {
        World w = new World();
        assertRefusedUnchanged(w::state, new Case(name, status, () -> call.on(w)));
    }

    @Test
    void aForeignPageIsNotFreed() {
        World w = new World();
        w.gmm.reserve(w.other, 10, 10, 10, OcPolicy.TBD, Priority.NORMAL);
        w.pages.add(w.gmm.allocate(w.other, Account.BASE, List.of(9L)).get(0).pageId());
        assertRefusedUnchanged(
                w::state,
                new Case(
                        "free VM 1's page as VM 2",
                        GmmStatus.VERR_GMM_NOT_PAGE_OWNER,
                        () -> w.gmm.free(w.other, Account.BASE, List.of(w.pages.get(0)))));
    }

    /**
     * A legal huge allocation on a host with room for it, where the memory behind the chunks runs out part-way
     * (the JVM cannot give the third chunk's page array): refused, and nothing allocated.
     */
    @Test
    void runningOutOfMemoryPartWayAllocatesNothing() {
        GlobalMemoryManager manager = new GlobalMemoryManager(GmmEdition.SEED_1MB, 1L << 24, false);
        int vm = manager.createVm();
        manager.reserve(vm, 1L << 22, 10, 10, OcPolicy.TBD, Priority.NORMAL);
        manager.allocate(vm, Account.BASE, List.of(7L));
        int[] arrays = {0};
        manager.pool().pageArrays = n -> {
            if (++arrays[0] > 2) {
                throw new OutOfMemoryError("test: no more chunk memory");
            }
            return new long[n];
        };
        Object before = List.of(manager.statistics(), manager.vm(vm), manager.chunkIds(), manager.freeSet(false));
        RejectedException e = org.junit.jupiter.api.Assertions.assertThrows(
                RejectedException.class, () -> manager.allocate(vm, Account.BASE, Collections.nCopies(1_000_000, -1L)));
        assertEquals(GmmStatus.VERR_NO_MEMORY, e.status());
        assertEquals(before, List.of(manager.statistics(), manager.vm(vm), manager.chunkIds(), manager.freeSet(false)));
        assertEquals(255, manager.chunk(1).free(), "the first chunk's pages stay free");
        manager.pool().pageArrays = long[]::new;
        assertEquals(
                1000,
                manager.allocate(vm, Account.BASE, Collections.nCopies(1000, -1L))
                        .size());
    }
}
