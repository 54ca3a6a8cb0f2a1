package org.gmck.bench.gmm;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The seed's cleanup at its cheapest: one pass over the 64-bit word of every page of every chunk in the
 * pool (the pool's pages plus the VM's own), comparing the VM handle and nothing else.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WalkEveryChunkBenchmark {

    @Param({"262144"})
    public int poolPages;

    @Param({"4096"})
    public int ownPages;

    private long[][] chunks;
    private int handle;

    @Setup
    public void setUp() {
        chunks = new long[(poolPages + ownPages + 511) / 512][512];
        for (int c = 0; c < chunks.length; c++) {
            for (int i = 0; i < 512; i++) {
                chunks[c][i] = (c * 512L + i) | (long) (c % 5 + 1) << 32;
            }
        }
        handle = 5;
    }

    @Benchmark
    public long walkEveryChunk() {
        long found = 0;
        for (long[] chunk : chunks) {
            for (long word : chunk) {
                if ((int) (word >>> 32) == handle) {
                    found++;
                }
            }
        }
        return found;
    }
}
