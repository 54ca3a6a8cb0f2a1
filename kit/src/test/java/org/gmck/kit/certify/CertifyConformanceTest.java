package org.gmck.kit.certify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.gmck.kit.report.CertificationReport;
import org.gmck.kit.report.ReportSink;
import org.junit.jupiter.api.Test;

/**
 * The certification command. Runs every scenario against the adapter named by
 * {@code -Dconformance.adapter}, writes the report to {@code target/conformance/} (or
 * {@code -Dconformance.report.dir}), and fails unless the adapter conforms to every profile it declares,
 * or fails only the rules its expected-failure baseline lists (and no listed rule passes).
 *
 * <p>The kit's build runs it under {@code -Pcertify}; see the README, "On a fresh machine".
 */
class CertifyConformanceTest {

    @Test
    void certify() {
        Path folder = Path.of(System.getProperty("conformance.report.dir", "target/conformance"));
        ReportSink.Published run = Certification.into(folder).run();
        CertificationReport report = run.report();
        assertTrue(report.accepted(), () -> AdapterConformanceTest.failure(report, run.folder()));
    }
}
