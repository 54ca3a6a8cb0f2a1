package org.gmck.bench.gmm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gmck.reference.gmm.GlobalMemoryManager;
import org.gmck.reference.gmm.GmmPage;
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
    /** The least-work floor's one chunk: its packed page words and the head of its free LIFO. */
    private final long[] leastWords = new long[512];

    private int leastHead = GmmPage.NIL_INDEX;
    private static final long LEAST_CHUNK = 7;
    private static final long LEAST_HOST_BASE = 0x100000L;

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
        for (int i = leastWords.length - 1; i >= 0; i--) {
            leastWords[i] = GmmPage.freePage(leastHead, true);
            leastHead = i;
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

    /**
     * Baseline: a batch of pops into an array kept for the purpose, then as many pushes. (An array made anew in
     * each call left the floor at one of two speeds, 49 or 75 ns, from one run to the next, as the JIT did or did
     * not take the allocation away.)
     */
    @Benchmark
    public int arrayBatch() {
        int sum = 0;
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

    /**
     * The least GMM work a batch needs behind the SPI's lean shape: the lean shape's calls, with the pages taken off
     * and put back on one chunk's free LIFO kept in its packed page words. Allocating reads a page's next-free link
     * from its word and writes its private word (guest pfn and VM handle); freeing splits the id into chunk and
     * index, checks the chunk and the page's state and owner, and writes its free word. Nothing else: no accounts
     * or limits, no free set, no second chunk, no all-or-nothing undo.
     */
    @Benchmark
    public int leastGmmBatch() {
        List<AllocatedPage> pages = leastAllocate(batchPfns);
        List<Long> ids = new ArrayList<>(pages.size());
        for (AllocatedPage p : pages) {
            ids.add(p.pageId());
        }
        leastFree(ids);
        return ids.size();
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private List<AllocatedPage> leastAllocate(List<Long> guestPfns) {
        synchronized (lock) {
            int count = guestPfns.size();
            AllocatedPage[] result = new AllocatedPage[count];
            for (int i = 0; i < count; i++) {
                int index = leastHead;
                leastHead = GmmPage.next(leastWords[index]);
                leastWords[index] = GmmPage.privatePage(guestPfns.get(i), vm);
                result[i] = new AllocatedPage(LEAST_CHUNK << 9 | index, LEAST_HOST_BASE + index);
            }
            return Collections.unmodifiableList(Arrays.asList(result));
        }
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private void leastFree(List<Long> pageIds) {
        synchronized (lock) {
            for (int i = 0; i < pageIds.size(); i++) {
                long id = pageIds.get(i);
                int index = (int) (id & 511);
                long word = leastWords[index];
                if (id >>> 9 != LEAST_CHUNK
                        || GmmPage.state(word) != GmmPage.STATE_PRIVATE
                        || GmmPage.vmHandle(word) != vm) {
                    throw new IllegalStateException("page 0x" + Long.toHexString(id) + " is not the VM's");
                }
                leastWords[index] = GmmPage.freePage(leastHead, false);
                leastHead = index;
            }
        }
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
