package org.gmck.bochs.differential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.gmck.bochs.binding.BochsBatch;
import org.gmck.differential.CaseSpec;
import org.gmck.differential.Observation;
import org.gmck.spi.ConformanceAdapter;

/**
 * The batch function of the Bochs engine in differential runs: each case is set up through the SPI exactly as
 * {@link Observation#of} sets it up, the accesses of a whole batch go to Bochs at once ({@link BochsBatch}, one per
 * worker thread), and each case's observation is recorded as {@link Observation#of} records it. Counts what was
 * batched and what fell back to one query at a time.
 */
final class BatchedBochs implements AutoCloseable {

    private final ConformanceAdapter bochs;
    private final ThreadLocal<BochsBatch> batches;
    private final ConcurrentLinkedQueue<BochsBatch> all = new ConcurrentLinkedQueue<>();
    private final AtomicLong cases = new AtomicLong();

    BatchedBochs(ConformanceAdapter bochs) {
        this.bochs = bochs;
        this.batches = ThreadLocal.withInitial(() -> {
            BochsBatch b = new BochsBatch();
            all.add(b);
            return b;
        });
    }

    /** One observation per case, in order. */
    List<Observation> observe(List<CaseSpec> specs) {
        cases.addAndGet(specs.size());
        return Observation.ofAll(bochs, specs, batches.get()::accessAll);
    }

    /** Cases observed so far. */
    long cases() {
        return cases.get();
    }

    /** Accesses made on Bochs (cases whose register load succeeded). */
    long accesses() {
        return all.stream().mapToLong(BochsBatch::accesses).sum();
    }

    /** Accesses put again one query at a time. */
    long fallbacks() {
        return all.stream().mapToLong(BochsBatch::fallbacks).sum();
    }

    /** One line for a report: how much was batched. */
    String summary() {
        long a = accesses();
        long f = fallbacks();
        return String.format(
                "Bochs batched: %,d cases, %,d accesses, %,d fell back to one query at a time (%.2f%%), %d rounds",
                cases(),
                a,
                f,
                a == 0 ? 0.0 : 100.0 * f / a,
                all.stream().mapToInt(BochsBatch::rounds).sum());
    }

    /** Appends {@code line} to the report's markdown in {@code folder}. */
    static void note(Path folder, String line) throws IOException {
        Files.writeString(
                folder.resolve("report.md"),
                System.lineSeparator() + line + System.lineSeparator(),
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    @Override
    public void close() {
        all.forEach(BochsBatch::close);
    }
}
