package org.gmck.kit.certify;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.gmck.kit.Adapters;
import org.gmck.kit.RunConformanceTest;
import org.gmck.kit.report.ReportSink;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.Profile;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs the conformance suite ({@link RunConformanceTest}: scenarios, x86 fixtures, model-based runs) in this
 * JVM through the JUnit Platform Launcher and returns its report. The certification command
 * ({@link CertifyConformanceTest}) uses it for the adapter named on the command line; the kit's own tests use
 * it for one known-bad adapter after another.
 */
public final class Certification {

    private final Path folder;
    private final Optional<Set<Profile>> profiles;
    private final Map<String, String> settings;

    private Certification(Path folder, Optional<Set<Profile>> profiles, Map<String, String> settings) {
        this.folder = folder;
        this.profiles = profiles;
        this.settings = settings;
    }

    /** A run that writes its report and Cucumber's reports to {@code folder}. */
    public static Certification into(Path folder) {
        return new Certification(folder, Optional.empty(), Map.of());
    }

    /** Only the scenarios and checks of these profiles (a sub-profile's parent's checks run too). */
    public Certification onlyProfiles(Set<Profile> only) {
        return new Certification(folder, Optional.of(EnumSet.copyOf(only)), settings);
    }

    /** With a check setting of {@link CheckSettings}, for example the depth of the model-based runs. */
    public Certification with(String setting, String value) {
        Map<String, String> more = new LinkedHashMap<>(settings);
        more.put(setting, value);
        return new Certification(folder, profiles, more);
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

    /** A tag expression no scenario matches: an adapter that declares nothing runs no scenario. */
    private static final String NOTHING = "@profile:none";

    /**
     * The profiles the adapter declares, so that only their scenarios are set up and run: the others are
     * skipped before any step class is made, and reported as not applicable. Empty when no adapter can be
     * selected (the run then reports why).
     */
    private static Optional<Set<Profile>> declared() {
        try {
            return Optional.of(Set.copyOf(Adapters.selected().profiles()));
        } catch (Adapters.AdapterSelectionError e) {
            return Optional.empty();
        }
    }

    private ReportSink.Published launch() {
        Map<String, String> parameters = new LinkedHashMap<>(settings);
        parameters.put("cucumber.plugin", "html:" + folder.resolve("cucumber.html") + ", json:" + folder.resolve("cucumber.json")
                + ", junit:" + folder.resolve("cucumber-junit.xml"));
        parameters.put("cucumber.glue", "org.gmck.kit");
        parameters.put("cucumber.publish.quiet", "true");
        parameters.put("cucumber.junit-platform.discovery.as-root-engine", "false");
        Optional<Set<Profile>> running = profiles.or(Certification::declared);
        running.ifPresent(p -> parameters.put("cucumber.filter.tags", p.isEmpty() ? NOTHING
                : p.stream().map(Profile::tag).collect(Collectors.joining(" or "))));
        profiles.ifPresent(p -> parameters.put(CheckSettings.PROFILES,
                p.stream().map(Profile::id).collect(Collectors.joining(","))));
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(RunConformanceTest.class))
                .filters(includeEngines("junit-platform-suite"))
                .configurationParameters(parameters)
                .build();
        AtomicReference<ReportSink.Published> report = new AtomicReference<>();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, summary, new CertificationListener(folder, report::set));
        if (report.get() == null) {
            IllegalStateException noReport = new IllegalStateException("the conformance suite ran "
                    + summary.getSummary().getTestsFoundCount() + " tests but produced no report");
            summary.getSummary().getFailures().forEach(f -> noReport.addSuppressed(f.getException()));
            throw noReport;
        }
        return report.get();
    }
}
