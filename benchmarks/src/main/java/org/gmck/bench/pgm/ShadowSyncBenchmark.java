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
 * SyncCR3 alone, on a guest whose shadow maps {@link #mapped} pages: before every flush the guest reads
 * every page, so the shadow is full. {@link ShadowResyncBenchmark} measures what the flush costs the guest
 * afterwards.
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
}
