package org.gmck.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.x86.PageFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shards of a run put exactly its cases, and their merged reports are the unsharded run's report: shown
 * with two stub engines built on the reference (one drops P from reserved-bit faults, as QEMU 7.2 does, the
 * other too, so that they also agree against the reference), so no emulator is needed.
 */
class ShardedRunTest {

    private static final String RSVD = "STUB-RSVD-WITHOUT-P";

    private static ConformanceAdapter reference() {
        return InstalledAdapters.named("reference");
    }

    /** The reference, but a reserved-bit fault comes without P. */
    private static Observation withoutP(Observation o) {
        if (o.outcome() instanceof PageFault pf && (pf.errorCode() & PageFault.RSVD) != 0) {
            return new Observation(
                    o.load(), new PageFault(pf.errorCode() & ~PageFault.P, pf.cr2()), o.failure(), o.memoryAfter());
        }
        return o;
    }

    /** Knows the stub's one deviation, and leaves every other difference unexplained. */
    private static Classifier stubClassifier(String name) {
        return new Classifier() {
            @Override
            public String engine() {
                return name;
            }

            @Override
            public Verdict classify(CaseSpec c, Observation ref, Observation engine) {
                TreeSet<String> classes = new TreeSet<>();
                if (ref.equals(engine)) {
                    return new Verdict(classes, "", "");
                }
                if (withoutP(ref).equals(engine)) {
                    classes.add(RSVD);
                    return new Verdict(
                            classes, "", "reference: " + ref.summary() + "\n" + name + ": " + engine.summary());
                }
                return new Verdict(classes, "other", "");
            }
        };
    }

    private static DifferentialRun run(Shard shard, int workers) {
        ConformanceAdapter reference = reference();
        Function<CaseSpec, Observation> ref = c -> Observation.of(reference, c);
        return new DifferentialRun(
                "stub run",
                7,
                300,
                shard,
                workers,
                ref,
                List.of(
                        new Engine("stub-a", ref.andThen(ShardedRunTest::withoutP), stubClassifier("stub-a")),
                        new Engine("stub-b", ref.andThen(ShardedRunTest::withoutP), stubClassifier("stub-b"))));
    }

    @Test
    void theMergedShardsAreTheUnshardedRun(@TempDir Path dir) throws Exception {
        RunReport whole = run(Shard.ALL, 2).run();
        assertEquals(300, whole.run());
        assertTrue(whole.tallies().get("stub-a").classes().getOrDefault(RSVD, 0L) > 0, whole::markdown);
        assertTrue(whole.unexplainedAgreementTotal() > 0, "the stubs agree against the reference: " + whole.body());
        for (int i = 0; i < 3; i++) {
            run(new Shard(i, 3), 1 + i % 2).run().write(dir.resolve("shard-" + i));
        }
        RunReport merged = MergeReports.merge(dir, dir.resolve("merged"));
        assertEquals(whole.run(), merged.run());
        assertEquals(whole.modes(), merged.modes());
        assertEquals(whole.tallies(), merged.tallies());
        assertEquals(whole.settledAgreements(), merged.settledAgreements());
        assertEquals(whole.unexplainedAgreements(), merged.unexplainedAgreements());
        assertEquals(whole.examples(), merged.examples());
        assertEquals(whole.findings(), merged.findings());
        assertEquals(whole.body(), merged.body());
        assertEquals(List.of("0/3", "1/3", "2/3"), merged.shards());
        assertEquals(merged, RunReport.read(dir.resolve("merged").resolve("report.json")));
    }

    @Test
    void batchesOfAnySizeGiveTheSameReport() throws Exception {
        RunReport single = run(Shard.ALL, 2).run();
        RunReport batched = run(Shard.ALL, 2).withBatch(7).run();
        assertEquals(single.tallies(), batched.tallies());
        assertEquals(single.body(), batched.body());
        assertEquals(single.findings(), batched.findings());
    }

    @Test
    void anEngineThatLosesCasesOfABatchIsRefused() {
        ConformanceAdapter reference = reference();
        Function<CaseSpec, Observation> ref = c -> Observation.of(reference, c);
        Engine lossy = Engine.batched(
                reference, cases -> cases.stream().skip(1).map(ref).toList(), stubClassifier("lossy"));
        DifferentialRun run = new DifferentialRun("lossy", 7, 20, Shard.ALL, 1, ref, List.of(lossy)).withBatch(5);
        Exception e = assertThrows(Exception.class, run::run);
        assertTrue(
                String.valueOf(e.getMessage()).contains("answered 4 observations for a batch of 5 cases"), e::toString);
        assertThrows(IllegalArgumentException.class, () -> run.withBatch(0));
    }

    @Test
    void theShardsPutEachCaseOnce() {
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Shard s = new Shard(i, 4);
            for (long k = 0; k < s.size(10); k++) {
                assertTrue(s.includes(s.caseIndex(k)));
                seen.add(s.caseIndex(k));
            }
        }
        seen.sort(null);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), seen);
        assertEquals(CaseGenerator.caseAt(3, 5), CaseGenerator.caseAt(3, 5));
        assertEquals(Shard.ALL, Shard.parse(""));
        assertEquals(new Shard(2, 5), Shard.parse("2/5"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("5/5"));
    }

    @Test
    void shardsOfDifferentRunsAreNotMerged() throws Exception {
        RunReport a = run(new Shard(0, 2), 1).run();
        RunReport b = run(new Shard(0, 2), 1).run();
        assertThrows(IllegalArgumentException.class, () -> RunReport.merge(List.of(a, b)));
    }
}
