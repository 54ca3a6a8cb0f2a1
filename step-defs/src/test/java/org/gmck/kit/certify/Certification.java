package org.gmck.kit.certify;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gmck.kit.Adapters;
import org.gmck.kit.RunConformanceTest;
import org.gmck.kit.report.ReportSink;
import org.gmck.spi.ConformanceAdapter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs the conformance suite in this JVM through the JUnit Platform Launcher and returns its report.
 * The certification command ({@link CertifyConformanceTest}) uses it for the adapter named on the command
 * line; the kit's own tests use it for one known-bad adapter after another.
 */
public final class Certification {

    private final Path folder;
    private final Optional<String> tags;

    private Certification(Path folder, Optional<String> tags) {
        this.folder = folder;
        this.tags = tags;
    }

    /** A run that writes its report and Cucumber's reports to {@code folder}. */
    public static Certification into(Path folder) {
        return new Certification(folder, Optional.empty());
    }

    /** Only the scenarios matching a Cucumber tag expression, for example {@code @profile:pgm}. */
    public Certification onlyTagged(String expression) {
        return new Certification(folder, Optional.of(expression));
    }

    /** Certifies the adapter named by {@code -Dconformance.adapter}. */
    public ReportSink.Published run() {
        Adapters.forget();
        return launch();
    }

    /** Certifies this adapter instance, whatever the system property names. */
    public ReportSink.Published run(ConformanceAdapter adapter) {
        try (Adapters.Use ignored = Adapters.use(adapter)) {
            return launch();
        }
    }

    private ReportSink.Published launch() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("cucumber.plugin", "org.gmck.kit.report.ConformanceSummary:" + folder
                + ", html:" + folder.resolve("cucumber.html") + ", json:" + folder.resolve("cucumber.json")
                + ", junit:" + folder.resolve("cucumber-junit.xml"));
        parameters.put("cucumber.glue", "org.gmck.kit");
        parameters.put("cucumber.publish.quiet", "true");
        parameters.put("cucumber.junit-platform.discovery.as-root-engine", "false");
        tags.ifPresent(t -> parameters.put("cucumber.filter.tags", t));
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(RunConformanceTest.class))
                .filters(includeEngines("junit-platform-suite"))
                .configurationParameters(parameters)
                .build();
        ReportSink.take();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        return ReportSink.take().orElseThrow(() -> {
            IllegalStateException noReport = new IllegalStateException("the conformance suite ran "
                    + listener.getSummary().getTestsFoundCount() + " tests but produced no report: is the cucumber "
                    + "engine on the class path, and org.gmck.kit.report.ConformanceSummary loadable?");
            listener.getSummary().getFailures().forEach(f -> noReport.addSuppressed(f.getException()));
            return noReport;
        });
    }
}
