package org.gmck.kit.report;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Hands the report of the latest run in this JVM to whoever started the run in-process. */
public final class ReportSink {

    /** A finished run's report and the folder it was written to. */
    public record Published(CertificationReport report, Path folder) {
    }

    private static final AtomicReference<Published> LATEST = new AtomicReference<>();

    private ReportSink() {
    }

    static void publish(CertificationReport report, Path folder) {
        LATEST.set(new Published(report, folder));
    }

    /** Takes the latest report, leaving none behind. */
    public static Optional<Published> take() {
        return Optional.ofNullable(LATEST.getAndSet(null));
    }
}
