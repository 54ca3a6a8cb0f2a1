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
 * SyncCR3 followed by the guest reading each of its {@link #mapped} pages again, one sync fault each: what
 * SyncCR3 really costs the guest. Each measurement leaves the shadow full again, so the guest is built and
 * read once per trial. {@link RecordPassBenchmark} measures the floor next to it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ShadowResyncBenchmark {

    @Param({"1024", "16384", "131072", "1048576"})
    public int mapped;

    private ShadowGuest guest;

    @Setup(Level.Trial)
    public void buildGuest() {
        guest = new ShadowGuest(mapped, Math.min(mapped, 4096), 0);
        guest.touchAll();
    }

    @Benchmark
    public long syncCr3AndResync() {
        guest.vm.syncCr3();
        return guest.touchAll();
    }
}
