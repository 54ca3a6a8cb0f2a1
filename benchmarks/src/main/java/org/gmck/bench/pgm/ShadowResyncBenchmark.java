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
 *
 * <p>The figure is the steady cost a page, so each trial first resolves at least {@link #WARM_UP_FAULTS} sync
 * faults the same way: a hundred warm-up shots of 1,024 pages are only some 100,000 faults, which on a loaded
 * machine end before the compiler has finished with the fault path, while the larger guests' warm-up shots
 * run millions.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ShadowResyncBenchmark {

    /** Sync faults each trial resolves before its warm-up shots. */
    static final int WARM_UP_FAULTS = 1 << 21;

    @Param({"1024", "16384", "131072", "1048576"})
    public int mapped;

    private ShadowGuest guest;

    @Setup(Level.Trial)
    public void buildGuest() {
        guest = new ShadowGuest(mapped, Math.min(mapped, 4096), 0);
        guest.touchAll();
        for (long faults = 0; faults < WARM_UP_FAULTS; faults += mapped) {
            syncCr3AndResync();
        }
    }

    @Benchmark
    public long syncCr3AndResync() {
        guest.vm.syncCr3();
        return guest.touchAll();
    }
}
