package org.gmck.bench.pgm;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The floor of any whole-guest pass: one look at each of {@link #mapped} 16-byte page records in a bare long array. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecordPassBenchmark {

    @Param({"1024", "16384", "131072", "1048576"})
    public int mapped;

    private long[] records;

    @Setup
    public void setUp() {
        records = new long[2 * mapped];
        for (int i = 0; i < records.length; i++) {
            records[i] = i * 0x9E37_79B9_7F4A_7C15L;
        }
    }

    @Benchmark
    public long recordPass() {
        long sum = 0;
        for (long r : records) {
            sum += r;
        }
        return sum;
    }
}
