package org.gmck.bench.pgm;

import java.util.concurrent.TimeUnit;
import org.gmck.reference.pgm.phys.HostPagePool;
import org.gmck.reference.pgm.phys.PgmGuestMemory;
import org.gmck.spi.pgm.phys.PageType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Write faults resolved by the reference PGM's guest physical memory: allocate on write (a ZERO page gets
 * a private page) and copy on write (a SHARED page with contents is copied into a private one). A fault
 * can be resolved only once per page, so every iteration gets a fresh guest of {@link #PAGES} pages and
 * resolves one fault on each (JMH single-shot batches). Next to it, the floor of the same work on bare
 * arrays: pop a host page off an int stack and store the page's two 16-byte record words, plus, for copy on
 * write, copy the 4 KiB of contents.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(batchSize = PgmFaultBenchmark.PAGES)
@Measurement(batchSize = PgmFaultBenchmark.PAGES)
public class PgmFaultBenchmark {

    /** Faults per batch: pages in the guest each iteration. */
    public static final int PAGES = 8192;

    @Param({"ALLOCATE_ON_WRITE", "COPY_ON_WRITE"})
    public FaultKind kind;

    private PgmGuestMemory memory;
    private int next;
    private int[] freeStack;
    private int top;
    private long[] records;
    private long[][] sharedContents;
    private long[][] privateContents;

    /** Which write fault. */
    public enum FaultKind {
        ALLOCATE_ON_WRITE,
        COPY_ON_WRITE
    }

    @Setup(Level.Iteration)
    public void freshGuest() {
        memory = new PgmGuestMemory(new HostPagePool(4L * PAGES));
        memory.registerRange(PageType.RAM, 0, (long) PAGES << 12);
        if (kind == FaultKind.COPY_ON_WRITE) {
            for (int i = 0; i < PAGES; i++) {
                long gcPhys = (long) i << 12;
                memory.write(gcPhys, 8, 0x5A5A_0000L + i);
                memory.sharePage(gcPhys);
            }
        }
        next = 0;
        freeStack = new int[PAGES];
        for (int i = 0; i < PAGES; i++) {
            freeStack[i] = i + 1;
        }
        top = PAGES;
        records = new long[2 * PAGES];
        sharedContents = new long[PAGES][];
        privateContents = new long[PAGES][];
        for (int i = 0; i < PAGES; i++) {
            sharedContents[i] = new long[512];
            sharedContents[i][0] = 0x5A5A_0000L + i;
        }
    }

    /** One write fault resolved by the reference: the host page the guest now writes to. */
    @Benchmark
    public long resolve() {
        return memory.makeWritable((long) next++ << 12);
    }

    /** The floor: pop a host page, (copy its contents,) store the two record words. */
    @Benchmark
    public long floor() {
        int page = next++;
        int host = freeStack[--top];
        if (kind == FaultKind.COPY_ON_WRITE) {
            privateContents[page] = sharedContents[page].clone();
        }
        long word0 = (long) host << 12 | page & 0xFFF;
        records[2 * page] = word0;
        records[2 * page + 1] = 2L << 8;
        return word0;
    }
}
