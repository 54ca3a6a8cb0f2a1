package org.gmck.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.gmck.kit.report.CertificationReport;
import org.gmck.kit.report.Verdict;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.junit.jupiter.api.Test;

/** An adapter that declares nothing is not certified: every rule is not applicable and no line claims conformance. */
class NothingDeclaredTest {

    @Test
    void anAdapterDeclaringNoProfileIsNotCalledConforming() {
        ConformanceAdapter empty = new ConformanceAdapter() {
            @Override
            public String name() {
                return "empty";
            }

            @Override
            public String version() {
                return "1";
            }

            @Override
            public Set<Profile> profiles() {
                return Set.of();
            }
        };
        CertificationReport report = KitRuns.run("nothing-declared", empty, Optional.empty(), Optional.empty())
                .report();
        assertEquals(CertificationReport.Outcome.NOTHING_DECLARED, report.outcome());
        assertFalse(report.accepted());
        assertFalse(report.headline().contains("CONFORMING"), report.headline());
        assertTrue(report.headline().startsWith("NOTHING CERTIFIED"), report.headline());
        // Untestable rules keep that verdict whatever is declared; every other rule is not applicable.
        assertEquals(
                report.rules().size(),
                report.with(Verdict.NOT_APPLICABLE).size()
                        + report.with(Verdict.UNTESTABLE).size());
        assertEquals(
                0, report.with(Verdict.PASS).size() + report.with(Verdict.FAIL).size());
    }
}
