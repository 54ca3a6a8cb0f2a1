package org.gmck.selftest;

import java.nio.file.Path;
import java.util.Optional;
import org.gmck.kit.certify.Certification;
import org.gmck.kit.report.ReportSink;
import org.gmck.spi.ConformanceAdapter;

/** Runs of the published suite in this JVM, each with its own report folder under {@code target/}. */
final class KitRuns {

    /** Short enough that a hanging adapter costs little, long enough for any honest call. */
    static final String TIMEOUT = "3s";

    private static ReportSink.Published reference;

    private KitRuns() {
    }

    /** Runs the suite against an adapter, with an optional baseline file and tag filter. */
    static ReportSink.Published run(String folder, ConformanceAdapter adapter, Optional<Path> baseline, Optional<String> tags) {
        String oldTimeout = System.getProperty("conformance.timeout");
        String oldBaseline = System.getProperty("conformance.baseline");
        System.setProperty("conformance.timeout", TIMEOUT);
        if (baseline.isPresent()) {
            System.setProperty("conformance.baseline", baseline.get().toString());
        } else {
            System.clearProperty("conformance.baseline");
        }
        try {
            Certification run = Certification.into(Path.of("target", "runs", folder));
            return (tags.isPresent() ? run.onlyTagged(tags.get()) : run).run(adapter);
        } finally {
            restore("conformance.timeout", oldTimeout);
            restore("conformance.baseline", oldBaseline);
        }
    }

    /** The reference through the same harness as the known-bad adapters, run once per JVM. */
    static synchronized ReportSink.Published reference() {
        if (reference == null) {
            reference = run("reference", new KnownBad() { }.adapter(), Optional.empty(), Optional.empty());
        }
        return reference;
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
