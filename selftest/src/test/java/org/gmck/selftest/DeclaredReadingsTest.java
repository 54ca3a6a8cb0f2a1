package org.gmck.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gmck.kit.evidence.ScenarioOutcome;
import org.gmck.kit.report.CertificationReport;
import org.gmck.kit.report.RuleVerdict;
import org.gmck.kit.report.Verdict;
import org.gmck.selftest.pgm.LiteralDiagonalSpecialEffort;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.junit.jupiter.api.Test;

/**
 * A reading the sources support is declared, not imposed: the same implementation conforms when it declares
 * the reading it takes, fails when it declares the other, is judged on the common part alone when it declares
 * none, and cannot declare a value the catalogue does not list.
 */
class DeclaredReadingsTest {

    private static final String KEY = "pgm.switcher-special-effort";

    /** The literal reading of the diagonal, declaring the given parameters and the paging-mode profile alone. */
    private static ConformanceAdapter literal(Map<String, String> parameters) {
        ConformanceAdapter literal = new LiteralDiagonalSpecialEffort().adapter();
        return (ConformanceAdapter) java.lang.reflect.Proxy.newProxyInstance(
                ConformanceAdapter.class.getClassLoader(), new Class<?>[] {ConformanceAdapter.class}, (p, m, a) -> {
                    if (m.getName().equals("parameters") && m.getParameterCount() == 0) {
                        return parameters;
                    }
                    if (m.getName().equals("profiles") && m.getParameterCount() == 0) {
                        return Set.of(Profile.PGM_MODES);
                    }
                    try {
                        return m.invoke(literal, a);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static CertificationReport certify(String folder, Map<String, String> parameters) {
        return KitRuns.run("readings/" + folder, literal(parameters), Optional.empty(), Optional.empty())
                .report();
    }

    private static RuleVerdict mode5(CertificationReport report) {
        return report.rules().stream()
                .filter(v -> v.rule().id().equals("PGM-MODE-5"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theLiteralReadingConformsWhenItIsDeclared() {
        CertificationReport report = certify("declared", Map.of(KEY, "off-diagonal"));
        assertEquals(CertificationReport.Outcome.CONFORMING, report.outcome(), report.headline());
        assertEquals(Verdict.PASS, mode5(report).verdict());
    }

    @Test
    void anAdapterThatDeclaresNoReadingIsJudgedOnTheCommonCellsOnly() {
        CertificationReport report = certify("undeclared", Map.of());
        assertEquals(CertificationReport.Outcome.CONFORMING, report.outcome(), report.headline());
        RuleVerdict v = mode5(report);
        assertEquals(Verdict.PASS, v.verdict());
        long notApplicable = v.evidence().scenarios().stream()
                .filter(s -> ScenarioOutcome.NOT_APPLICABLE.equals(s.status()))
                .peek(s -> assertTrue(
                        s.message().contains("declare " + KEY + " = shadow-differs-from-host or off-diagonal"),
                        s.message()))
                .count();
        assertEquals(6, notApplicable, "the three cells of each reading are not applicable");
        assertTrue(v.evidence().scenarios().stream().anyMatch(ScenarioOutcome::passed), "the common cells ran");
    }

    /** Seed 000's way of marking guest frames, declared, conforms: scenarios and GMM model runs alike. */
    @Test
    void seed000sUnknownFrameMarkerConformsWhenItIsDeclared() {
        CertificationReport report = KitRuns.run(
                        "readings/all-ones",
                        KitRuns.declaring(
                                new org.gmck.selftest.gmm.SeedAllOnesGuestFrames().adapter(), Set.of(Profile.GMM)),
                        Optional.empty(),
                        Optional.empty())
                .report();
        assertEquals(CertificationReport.Outcome.CONFORMING, report.outcome(), report.headline());
        for (String id : java.util.List.of("GMM-STATE-2", "GMM-STATE-3", "GMM-STATE-4")) {
            RuleVerdict v = report.rules().stream()
                    .filter(r -> r.rule().id().equals(id))
                    .findFirst()
                    .orElseThrow();
            assertEquals(Verdict.PASS, v.verdict(), id + ": " + v.reason());
        }
    }

    @Test
    void aValueTheCatalogueDoesNotListIsAnError() {
        CertificationReport report = certify("misdeclared", Map.of(KEY, "diagonal"));
        assertEquals(CertificationReport.Outcome.ERROR, report.outcome(), report.headline());
        assertTrue(report.headline().contains("'diagonal'"), report.headline());
    }
}
