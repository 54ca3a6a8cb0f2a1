package org.gmck.bench.gmm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gmck.reference.gmm.GlobalMemoryManager;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.CleanupReport;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.OcPolicy;
import org.gmck.spi.gmm.Priority;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * VM cleanup time as a function of the pool (pages held by other VMs) and of the VM's own pages. The pool
 * is built once per trial; before every cleanup a fresh VM allocates its own pages, and cleanup gives its
 * chunks back, so each measurement starts from the same pool. {@link WalkEveryChunkBenchmark} measures the
 * seed's way next to it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GmmCleanupBenchmark {

    /** Pages held by the other VMs (the rest of the pool). */
    @Param({"262144"})
    public int poolPages;

    /** Pages of the VM being cleaned up. */
    @Param({"4096"})
    public int ownPages;

    private GlobalMemoryManager gmm;
    private int vm;

    @Setup(Level.Trial)
    public void buildPool() {
        gmm = new GlobalMemoryManager(GmmEdition.CURRENT_2MB, 4L << 20, false);
        int others = 4;
        for (int o = 0; o < others; o++) {
            int other = gmm.createVm();
            gmm.reserve(other, 4L << 20, 1, 1, OcPolicy.TBD, Priority.NORMAL);
            allocate(other, poolPages / others, 0x100000L * (o + 1));
        }
    }

    @Setup(Level.Invocation)
    public void newVm() {
        vm = gmm.createVm();
        gmm.reserve(vm, 4L << 20, 1, 1, OcPolicy.TBD, Priority.NORMAL);
        allocate(vm, ownPages, 0);
    }

    private void allocate(int owner, int pages, long firstPfn) {
        List<Long> pfns = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            pfns.add(firstPfn + i);
            if (pfns.size() == 1 << 16 || i == pages - 1) {
                gmm.allocate(owner, Account.BASE, pfns);
                pfns.clear();
            }
        }
    }

    /** The reference's cleanup: only the chunks the VM touched. */
    @Benchmark
    public CleanupReport cleanup() {
        return gmm.cleanup(vm);
    }
}
