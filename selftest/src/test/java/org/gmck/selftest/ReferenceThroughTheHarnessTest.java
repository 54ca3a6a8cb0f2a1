package org.gmck.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gmck.kit.report.CertificationReport;
import org.junit.jupiter.api.Test;

/** The control: the harness's plumbing, with no fault applied, leaves the reference conforming. */
class ReferenceThroughTheHarnessTest {

    @Test
    void theUnbrokenReferenceConforms() {
        CertificationReport report = KitRuns.reference().report();
        assertEquals(CertificationReport.Outcome.CONFORMING, report.outcome(), report.headline());
        assertTrue(report.accepted());
        assertTrue(report.headline().startsWith("CONFORMING for the declared profiles ("), report.headline());
    }
}
