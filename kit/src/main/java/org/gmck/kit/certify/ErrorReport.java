package org.gmck.kit.certify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gmck.kit.AdapterMetadata;
import org.gmck.kit.AdapterRun;
import org.gmck.kit.Timeouts;
import org.gmck.kit.catalogue.RuleCatalogue;
import org.gmck.kit.protocol.ProcessAdapter;
import org.gmck.kit.report.Baseline;
import org.gmck.kit.report.CertificationReport;
import org.gmck.kit.report.KitSources;

/**
 * The report of a run that certified nothing: every rule unjudged, the verdict {@code error}, and the cause
 * in its headline. Written for a run that cannot start, and at the start of every run until its real report
 * replaces it, so that a run that dies leaves this and never an earlier run's verdict.
 */
final class ErrorReport {

    private ErrorReport() {}

    static CertificationReport of(Optional<AdapterMetadata> adapter, String error, Instant started) {
        RuleCatalogue catalogue = RuleCatalogue.bundled();
        KitSources kit = KitSources.onClassPath();
        Optional<CertificationReport.AdapterInfo> info = adapter.map(ErrorReport::info);
        Baseline none = Baseline.none();
        return new CertificationReport(
                kit.version(),
                kit.featuresSha256(),
                kit.catalogueSha256(),
                info,
                Optional.of(error.isBlank() ? "no adapter was chosen" : error),
                Optional.empty(),
                CertificationReport.currentEnvironment(timeout()),
                none,
                CertificationReport.judge(catalogue.rules(), Map.of(), java.util.Set.of(), none),
                List.of(),
                started,
                Instant.now());
    }

    /** The adapter as the report describes it: its metadata as read at the start of the run. */
    static CertificationReport.AdapterInfo info(AdapterMetadata a) {
        return new CertificationReport.AdapterInfo(
                a.name(), a.version(), a.implementationClass(), a.profiles(), a.parameters(), Optional.empty());
    }

    /** The adapter of a run as the report describes it, with its processes when it ran in processes of its own. */
    static CertificationReport.AdapterInfo info(AdapterRun run) {
        CertificationReport.AdapterInfo info = info(run.metadata());
        if (run.implementation() instanceof ProcessAdapter p) {
            return new CertificationReport.AdapterInfo(
                    info.name(),
                    info.version(),
                    info.implementationClass(),
                    info.declaredProfiles(),
                    info.parameters(),
                    Optional.of(p.processes()));
        }
        return info;
    }

    private static String timeout() {
        try {
            return Timeouts.describe(Timeouts.forRun());
        } catch (IllegalArgumentException e) {
            return "not set: " + e.getMessage();
        }
    }
}
