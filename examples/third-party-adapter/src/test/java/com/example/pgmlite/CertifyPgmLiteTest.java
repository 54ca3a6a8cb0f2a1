package com.example.pgmlite;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.gmck.kit.certify.Certification;
import org.gmck.kit.report.CertificationReport;
import org.junit.jupiter.api.Test;

/** Certifies the adapter named by {@code -Dconformance.adapter}; the report is in {@code target/conformance/}. */
class CertifyPgmLiteTest {

    @Test
    void certify() {
        Path folder = Path.of("target/conformance");
        CertificationReport report = Certification.into(folder).run().report();
        assertTrue(report.accepted(), report::headline);
    }
}
