package org.gmck.bench.protocol;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gmck.kit.protocol.Loopback;
import org.gmck.kit.protocol.ProcessAdapter;
import org.gmck.reference.binding.ReferenceAdapter;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmOptions;
import org.gmck.spi.gmm.NonContiguousAllocation;
import org.gmck.spi.gmm.OcPolicy;
import org.gmck.spi.gmm.Priority;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What a call over the adapter protocol costs: a GMM allocate-and-free round trip on the reference in process,
 * over the protocol inside this JVM ({@link Loopback}: the JSON lines are written and read, no pipe), and over the
 * protocol to the reference served in a child JVM ({@link ProcessAdapter#isolated}), as a certification with
 * {@code --isolate} or {@code --adapter-command} makes them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ProtocolCallBenchmark {

    public static final String IN_PROCESS = "in-process";
    public static final String LOOPBACK = "loopback";
    public static final String PROCESS = "child-process";
    public static final List<String> PATHS = List.of(IN_PROCESS, LOOPBACK, PROCESS);

    @Param({IN_PROCESS, LOOPBACK, PROCESS})
    public String path;

    private ProcessAdapter process;
    private GlobalMemory gmm;
    private int vm;
    private final List<Long> onePfn = List.of(0x1234L);

    @Setup
    public void setUp() {
        ConformanceAdapter adapter;
        switch (path) {
            case IN_PROCESS:
                adapter = new ReferenceAdapter();
                break;
            case LOOPBACK:
                adapter = Loopback.of(new ReferenceAdapter(), line -> {});
                break;
            default:
                process = ProcessAdapter.isolated("reference", List.of());
                adapter = process;
                break;
        }
        gmm = adapter.gmm()
                .create(GmmEdition.CURRENT_2MB, new GmmOptions(1 << 20, false, NonContiguousAllocation.WORKS));
        vm = gmm.createVm();
        gmm.reserve(vm, 1 << 20, 1, 1, OcPolicy.TBD, Priority.NORMAL);
    }

    @TearDown
    public void tearDown() {
        if (process != null) {
            process.close();
        }
    }

    /** One page allocated and freed again: two calls. */
    @Benchmark
    public long roundTrip() {
        long id = gmm.allocate(vm, Account.BASE, onePfn).get(0).pageId();
        gmm.free(vm, Account.BASE, List.of(id));
        return id;
    }
}
