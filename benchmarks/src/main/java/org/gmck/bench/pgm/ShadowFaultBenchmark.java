package org.gmck.bench.pgm;

import java.util.concurrent.TimeUnit;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.shadow.GuestAccessResult;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.Privilege;
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
 * Faults the monitor resolves on a shadow-paged VM, through the SPI, {@link #PAGES} per measurement, one
 * per page: a sync fault (a read of a page the shadow lacks, after SyncCR3), an allocate-on-write fault (a
 * write to a page still on the zero page) and a copy-on-write fault (a write to a shared page). Before a
 * write fault the page is already in the shadow (read-only), so the write fault is measured alone. Next to
 * each, the same access straight on the VM's guest physical memory ({@link #straight()}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(batchSize = ShadowFaultBenchmark.PAGES)
@Measurement(batchSize = ShadowFaultBenchmark.PAGES)
public class ShadowFaultBenchmark {

    public static final int PAGES = 4096;

    @Param({"SYNC", "ALLOCATE_ON_WRITE", "COPY_ON_WRITE"})
    public ShadowFault fault;

    private ShadowGuest guest;
    private int next;

    /** Which fault. */
    public enum ShadowFault {
        SYNC,
        ALLOCATE_ON_WRITE,
        COPY_ON_WRITE
    }

    @Setup(Level.Iteration)
    public void freshGuest() {
        if (guest == null || fault != ShadowFault.SYNC) {
            guest = new ShadowGuest(PAGES, PAGES, 3L * PAGES);
        }
        if (fault == ShadowFault.COPY_ON_WRITE) {
            GuestPhysicalMemory memory = guest.vm.memory();
            for (int i = 0; i < PAGES; i++) {
                long gcPhys = guest.dataBase + ((long) i << 12);
                memory.write(gcPhys, 8, 0x5A5A_0000L + i);
                memory.sharePage(gcPhys);
            }
        }
        guest.vm.syncCr3();
        if (fault != ShadowFault.SYNC) {
            guest.touchAll();
        }
        next = 0;
    }

    /**
     * The same access straight on the VM's guest physical memory, with no shadow walk or sync: a read of the page
     * for a sync fault; for a write fault the guest's write to the page, which resolves the fault (the page's
     * shadow entries flushed as through the shadow) and writes its contents in the same memory the shadowed write
     * does. A write fault through the shadow is judged against this.
     */
    @Benchmark
    public long straight() {
        long gcPhys = guest.dataBase + ((long) next++ << 12);
        GuestPhysicalMemory memory = guest.vm.memory();
        if (fault == ShadowFault.SYNC) {
            return memory.read(gcPhys, 8);
        }
        memory.write(gcPhys, 8, next);
        return gcPhys;
    }

    @Benchmark
    public GuestAccessResult resolve() {
        long la = ShadowGuest.linear(next++);
        return fault == ShadowFault.SYNC
                ? guest.vm.access(la, AccessKind.READ, Privilege.USER, 8, 0)
                : guest.vm.access(la, AccessKind.WRITE, Privilege.USER, 8, next);
    }
}
