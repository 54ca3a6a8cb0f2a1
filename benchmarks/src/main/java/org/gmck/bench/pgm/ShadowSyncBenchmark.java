package org.gmck.bench.pgm;

import java.util.concurrent.TimeUnit;
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
 * SyncCR3 of a guest whose shadow maps {@link #mapped} pages: the flush itself, and the flush followed by
 * the guest touching every page again (one sync fault each), which is what SyncCR3 really costs the guest.
 * {@link RecordPassBenchmark} measures the floor next to it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ShadowSyncBenchmark {

    @Param({"1024", "16384", "131072", "1048576"})
    public int mapped;

    private ShadowGuest guest;

    @Setup(Level.Trial)
    public void buildGuest() {
        guest = new ShadowGuest(mapped, Math.min(mapped, 4096), 0);
    }

    @Setup(Level.Invocation)
    public void shadowInStep() {
        guest.touchAll();
    }

    /** SyncCR3 alone, on a shadow that maps every page. */
    @Benchmark
    public void syncCr3() {
        guest.vm.syncCr3();
    }

    /** SyncCR3, then every mapped page read once: the shadow is back in step. */
    @Benchmark
    public long syncCr3AndResync() {
        guest.vm.syncCr3();
        return guest.touchAll();
    }
}
