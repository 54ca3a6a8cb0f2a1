package org.gmck.kit.report;

import java.nio.file.Path;

/** What a finished certification run hands back to whoever started it. */
public final class ReportSink {

    /** A finished run's report and the folder it was written to. */
    public record Published(CertificationReport report, Path folder) {}

    private ReportSink() {}
}
