package org.gmck.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gmck.kit.report.CertificationReport;
import org.gmck.kit.report.Verdict;
import org.gmck.selftest.pgm.LiteralDiagonalSpecialEffort;
import org.gmck.spi.common.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The expected-failure baseline is a ratchet: listed failures are tolerated, listed passes are not. */
class BaselineTest {

    @TempDir
    Path dir;

    private Path baseline(String text) throws IOException {
        Path file = dir.resolve("conformance-baseline.txt");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aListedRuleThatFailsIsAnExpectedFailureAndTheRunIsAccepted() throws IOException {
        CertificationReport report = KitRuns.run(
                        "baseline/expected",
                        KitRuns.declaring(new LiteralDiagonalSpecialEffort().adapter(), Set.of(Profile.PGM_MODES)),
                        Optional.of(baseline("# literal reading\nPGM-MODE-5   we read the diagonal literally\n")),
                        Optional.empty())
                .report();
        assertEquals(CertificationReport.Outcome.NOT_CONFORMING_AS_BASELINED, report.outcome(), report.headline());
        assertTrue(report.accepted());
        assertFalse(report.conforming());
        assertEquals(
                List.of("PGM-MODE-5"),
                report.with(Verdict.EXPECTED_FAILURE).stream()
                        .map(r -> r.rule().id())
                        .toList());
        assertTrue(report.with(Verdict.EXPECTED_FAILURE).get(0).reason().contains("we read the diagonal literally"));
    }

    @Test
    void aListedRuleThatPassesIsAnUnexpectedPassAndFailsTheRun() throws IOException {
        CertificationReport report = KitRuns.run(
                        "baseline/stale",
                        KitRuns.declaring(new KnownBad() {}.adapter(), Set.of(Profile.PGM_MODES)),
                        Optional.of(baseline("PGM-MODE-5 fixed last release but still listed\n")),
                        Optional.empty())
                .report();
        assertEquals(CertificationReport.Outcome.BASELINE_STALE, report.outcome(), report.headline());
        assertFalse(report.accepted());
        assertEquals(
                List.of("PGM-MODE-5"),
                report.with(Verdict.UNEXPECTED_PASS).stream()
                        .map(r -> r.rule().id())
                        .toList());
        assertTrue(report.headline().contains("remove them from the baseline"), report.headline());
    }

    @Test
    void anUnlistedFailureStillFailsTheRunWhateverTheBaselineLists() throws IOException {
        CertificationReport report = KitRuns.run(
                        "baseline/unlisted",
                        KitRuns.declaring(new LiteralDiagonalSpecialEffort().adapter(), Set.of(Profile.PGM_MODES)),
                        Optional.of(baseline("PGM-PAE-7 unrelated\n")),
                        Optional.empty())
                .report();
        assertEquals(CertificationReport.Outcome.NOT_CONFORMING, report.outcome(), report.headline());
        assertEquals(
                Verdict.UNEXPECTED_PASS,
                report.rules().stream()
                        .filter(r -> r.rule().id().equals("PGM-PAE-7"))
                        .findFirst()
                        .orElseThrow()
                        .verdict());
    }

    @Test
    void aBaselineNamingUnknownRulesIsAnErrorBeforeAnythingRuns() throws IOException {
        CertificationReport report = KitRuns.run(
                        "baseline/unknown",
                        KitRuns.declaring(new KnownBad() {}.adapter(), Set.of(Profile.PGM_MODES)),
                        Optional.of(baseline("PGM-NOPE-1 typo\nGMM-PAGE-1 not declared\n")),
                        Optional.empty())
                .report();
        assertEquals(CertificationReport.Outcome.ERROR, report.outcome(), report.headline());
        String error = report.error().orElseThrow();
        assertTrue(
                error.contains("'PGM-NOPE-1' is not a catalogued rule") && error.contains("-Dconformance.baseline="),
                error);
        assertTrue(report.rules().stream().allMatch(r -> r.scenarios().isEmpty()), "nothing ran");
        assertFalse(report.accepted());
    }
}
