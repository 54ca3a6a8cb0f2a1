package org.gmck.bench.gmm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gmck.reference.gmm.GlobalMemoryManager;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.OcPolicy;
import org.gmck.spi.gmm.Priority;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Allocate-then-free round trips of the reference GMM, one page and a batch of {@link #BATCH} pages at a
 * time, next to the same number of pushes and pops on a bare int array (the least a free list can do).
 * The VM already holds half a chunk, so the round trips run in a pool in use, not an empty one. Two more
 * floors say what the calls' shape costs on its own: the same pops and pushes, one call each, under an
 * uncontended monitor (every GMM call takes the manager's); and the SPI's shape, that is the monitor plus the
 * boxed argument lists and the {@link AllocatedPage} records in an immutable list that the GMM's calls take and
 * return. The lean variants of that floor build the result the cheapest way the SPI allows (one record in a
 * one-element list; a batch's records in an array handed out read-only), so that the shape's least cost is known.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GmmAllocationBenchmark {

    public static final int BATCH = 64;

    private GlobalMemoryManager gmm;
    private int vm;
    private final List<Long> onePfn = List.of(0x1234L);
    private final List<Long> batchPfns = new ArrayList<>();
    private final int[] stack = new int[1024];
    private int top;
    private final Object lock = new Object();
    private final int[] taken = new int[BATCH];

    @Setup
    public void setUp() {
        gmm = new GlobalMemoryManager(GmmEdition.CURRENT_2MB, 1 << 20, false);
        vm = gmm.createVm();
        gmm.reserve(vm, 1 << 20, 1, 1, OcPolicy.TBD, Priority.NORMAL);
        List<Long> held = new ArrayList<>();
        for (long pfn = 0; pfn < 256; pfn++) {
            held.add(0x10000 + pfn);
        }
        gmm.allocate(vm, Account.BASE, held);
        for (long pfn = 0; pfn < BATCH; pfn++) {
            batchPfns.add(0x20000 + pfn);
        }
        for (int i = 0; i < 512; i++) {
            stack[top++] = i;
        }
    }

    /** One page allocated and freed again. */
    @Benchmark
    public long gmmSingle() {
        long id = gmm.allocate(vm, Account.BASE, onePfn).get(0).pageId();
        gmm.free(vm, Account.BASE, List.of(id));
        return id;
    }

    /** A batch of pages allocated in one call and freed in one call. */
    @Benchmark
    public int gmmBatch() {
        List<AllocatedPage> pages = gmm.allocate(vm, Account.BASE, batchPfns);
        List<Long> ids = new ArrayList<>(pages.size());
        for (AllocatedPage p : pages) {
            ids.add(p.pageId());
        }
        gmm.free(vm, Account.BASE, ids);
        return ids.size();
    }

    /** Baseline: one pop and one push on a bare int array. */
    @Benchmark
    public int arraySingle() {
        int page = stack[--top];
        stack[top++] = page;
        return page;
    }

    /** Baseline: a batch of pops, then as many pushes. */
    @Benchmark
    public int arrayBatch() {
        int sum = 0;
        int[] taken = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            taken[i] = stack[--top];
        }
        for (int i = BATCH - 1; i >= 0; i--) {
            stack[top++] = taken[i];
            sum += taken[i];
        }
        return sum;
    }

    /** Floor with the monitor: one pop and one push, each a call of its own under an uncontended monitor. */
    @Benchmark
    public int lockedArraySingle() {
        int page = lockedPop();
        lockedPush(page);
        return page;
    }

    /**
     * Floor with the monitor, a batch: {@link #BATCH} pops in one call and as many pushes in another, each under
     * the monitor, the pages passed in a primitive array; what a GMM call taking and filling arrays would cost
     * before any GMM work.
     */
    @Benchmark
    public int lockedArrayBatch() {
        lockedPopAll(taken);
        lockedPushAll(taken);
        return taken[0];
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private void lockedPopAll(int[] into) {
        synchronized (lock) {
            for (int i = 0; i < into.length; i++) {
                into[i] = stack[--top];
            }
        }
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private void lockedPushAll(int[] from) {
        synchronized (lock) {
            for (int i = from.length - 1; i >= 0; i--) {
                stack[top++] = from[i];
            }
        }
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private int lockedPop() {
        synchronized (lock) {
            return stack[--top];
        }
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private void lockedPush(int page) {
        synchronized (lock) {
            stack[top++] = page;
        }
    }

    /** Floor of the SPI's shape, one page: the monitor, the argument lists and the result records. */
    @Benchmark
    public long shapeSingle() {
        long id = shapedAllocate(onePfn).get(0).pageId();
        shapedFree(List.of(id));
        return id;
    }

    /** Floor of the SPI's shape, a batch: as {@link #gmmBatch()} with pops and pushes for the GMM. */
    @Benchmark
    public int shapeBatch() {
        List<AllocatedPage> pages = shapedAllocate(batchPfns);
        List<Long> ids = new ArrayList<>(pages.size());
        for (AllocatedPage p : pages) {
            ids.add(p.pageId());
        }
        shapedFree(ids);
        return ids.size();
    }

    /**
     * The least the SPI's shape can cost for one page: as {@link #shapeSingle()}, but the result is the record in
     * a one-element immutable list, with no list built and copied on the way.
     */
    @Benchmark
    public long leanShapeSingle() {
        long id = leanAllocate(onePfn).get(0).pageId();
        shapedFree(List.of(id));
        return id;
    }

    /**
     * The least the SPI's shape can cost for a batch: as {@link #shapeBatch()}, but the records go straight into
     * an array handed out read-only, with no copy.
     */
    @Benchmark
    public int leanShapeBatch() {
        List<AllocatedPage> pages = leanAllocate(batchPfns);
        List<Long> ids = new ArrayList<>(pages.size());
        for (AllocatedPage p : pages) {
            ids.add(p.pageId());
        }
        shapedFree(ids);
        return ids.size();
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private List<AllocatedPage> leanAllocate(List<Long> guestPfns) {
        synchronized (lock) {
            int count = guestPfns.size();
            if (count == 1) {
                int page = stack[--top];
                return List.of(new AllocatedPage(page, page + guestPfns.get(0)));
            }
            AllocatedPage[] result = new AllocatedPage[count];
            for (int i = 0; i < count; i++) {
                int page = stack[--top];
                result[i] = new AllocatedPage(page, page + guestPfns.get(i));
            }
            return Collections.unmodifiableList(Arrays.asList(result));
        }
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private List<AllocatedPage> shapedAllocate(List<Long> guestPfns) {
        synchronized (lock) {
            List<AllocatedPage> result = new ArrayList<>(guestPfns.size());
            for (Long pfn : guestPfns) {
                int page = stack[--top];
                result.add(new AllocatedPage(page, page + pfn));
            }
            return List.copyOf(result);
        }
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private void shapedFree(List<Long> pageIds) {
        synchronized (lock) {
            for (int i = pageIds.size() - 1; i >= 0; i--) {
                stack[top++] = (int) (long) pageIds.get(i);
            }
        }
    }
}
