package org.gmck.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.x86.PageFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fixture comparison is a differential run over a sample of {@code x86-fixtures/}: its shards merge into the
 * unsharded run's report, and its findings name the fixture file and case. Shown with a stub engine built on
 * the reference that clears the accessed bit it set, so that no emulator is needed.
 */
class FixtureRunTest {

    private static final Path FIXTURES = Path.of("..", "x86-fixtures");

    private static ConformanceAdapter reference() {
        return InstalledAdapters.named("reference");
    }

    /** The reference, but a page fault loses its P bit: a deviation the stub's classifier does not know. */
    private static Observation broken(Observation o) {
        if (o.outcome() instanceof PageFault pf && (pf.errorCode() & PageFault.P) != 0) {
            return new Observation(
                    o.load(), new PageFault(pf.errorCode() & ~PageFault.P, pf.cr2()), o.failure(), o.memoryAfter());
        }
        return o;
    }

    private static Classifier strict() {
        return new Classifier() {
            @Override
            public String engine() {
                return "stub";
            }

            @Override
            public Verdict classify(CaseSpec c, Observation ref, Observation engine) {
                return ref.equals(engine)
                        ? new Verdict(new TreeSet<>(), "", "")
                        : new Verdict(new TreeSet<>(), "P cleared", "reference: " + ref.summary());
            }
        };
    }

    private static DifferentialRun run(FixtureCases fixtures, Shard shard) {
        ConformanceAdapter reference = reference();
        Function<CaseSpec, Observation> ref = c -> Observation.of(reference, c);
        return new DifferentialRun(
                        "fixtures (3 per file)",
                        0,
                        fixtures.size(),
                        shard,
                        2,
                        ref,
                        List.of(new Engine("stub", ref.andThen(FixtureRunTest::broken), strict())))
                .withCases(fixtures)
                .withBatch(4);
    }

    @Test
    void theShardsOfAFixtureComparisonMergeIntoTheWholeAndNameTheirCases(@TempDir Path dir) throws Exception {
        FixtureCases fixtures = FixtureCases.read(FIXTURES, 3);
        assertTrue(fixtures.size() >= 27, () -> "3 cases from each of the nine files, not " + fixtures.size());
        assertTrue(fixtures.label(0).matches("fixture \\S+ \\(\\S+\\.json\\)"), fixtures.label(0));
        RunReport whole = run(fixtures, Shard.ALL).run();
        assertEquals(fixtures.size(), whole.run());
        assertTrue(whole.unexplained() > 0, "the stub clears P from faults: " + whole.body());
        String finding = whole.findings().values().iterator().next().text();
        assertTrue(
                finding.startsWith(fixtures.label(
                        whole.findings().values().iterator().next().index())),
                finding);
        for (int i = 0; i < 2; i++) {
            run(fixtures, new Shard(i, 2)).run().write(dir.resolve("shard-" + i));
        }
        RunReport merged = MergeReports.merge(dir, dir.resolve("merged"));
        assertEquals(whole.tallies(), merged.tallies());
        assertEquals(whole.findings(), merged.findings());
        assertEquals(whole.body(), merged.body());
    }

    @Test
    void aSampleOfNoCasesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> FixtureCases.read(FIXTURES, 0));
    }
}
