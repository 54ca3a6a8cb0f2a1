package org.gmck.kit.certify;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.gmck.kit.AdapterRun;
import org.gmck.kit.AdapterRuns;
import org.gmck.kit.Adapters;
import org.gmck.kit.RunLimits;
import org.gmck.kit.protocol.ProcessAdapter;
import org.gmck.kit.report.CertificationReport;
import org.gmck.kit.report.ReportBundle;
import org.gmck.kit.report.ReportSink;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs the conformance suite ({@link ConformanceSuite}: scenarios, x86 fixtures, model-based runs) in this
 * JVM through the JUnit Platform Launcher and returns its report. The certification command
 * ({@link CertifyConformanceTest}) uses it for the adapter named on the command line; the kit's own tests use
 * it for one known-bad adapter after another.
 */
public final class Certification {

    /**
     * Whether the run writes Cucumber's own reports ({@code cucumber.html}, {@code cucumber.json} and
     * {@code cucumber-junit.xml}) beside the kit's ({@code true}, the default, or {@code false}). They repeat
     * every step of every scenario; a run that needs only the verdicts (the kit's self-tests certify some 140
     * adapters) saves about a sixth of its time without them. The verdicts are the same either way.
     */
    public static final String CUCUMBER_REPORTS = "gmck.cucumber-reports";

    private final Path folder;
    private final Optional<Set<Profile>> profiles;
    private final Map<String, String> settings;
    private final List<TestExecutionListener> watchers;

    private Certification(
            Path folder,
            Optional<Set<Profile>> profiles,
            Map<String, String> settings,
            List<TestExecutionListener> watchers) {
        this.folder = folder;
        this.profiles = profiles;
        this.settings = settings;
        this.watchers = watchers;
    }

    /** A run that writes its report and Cucumber's reports to {@code folder}. */
    public static Certification into(Path folder) {
        return new Certification(folder, Optional.empty(), Map.of(), List.of());
    }

    /** Only the scenarios and checks of these profiles (a sub-profile's parent's checks run too). */
    public Certification onlyProfiles(Set<Profile> only) {
        return new Certification(folder, Optional.of(EnumSet.copyOf(only)), settings, watchers);
    }

    /** With a check setting of {@link CheckSettings}, for example the depth of the model-based runs. */
    public Certification with(String setting, String value) {
        Map<String, String> more = new LinkedHashMap<>(settings);
        more.put(setting, value);
        return new Certification(folder, profiles, more, watchers);
    }

    /** With a listener that follows the suite as it runs, for example to show its progress. */
    public Certification watchedBy(TestExecutionListener watcher) {
        List<TestExecutionListener> more = new ArrayList<>(watchers);
        more.add(watcher);
        return new Certification(folder, profiles, settings, List.copyOf(more));
    }

    /**
     * Certifies the adapter the command line names: the implementation {@code -Dconformance.adapter-command}
     * starts, else the adapter named by {@code -Dconformance.adapter}, in a child JVM with
     * {@code -Dconformance.isolate=true}.
     */
    public ReportSink.Published run() {
        String command = System.getProperty(ProcessAdapter.COMMAND, "").strip();
        if (!command.isEmpty()) {
            return runProcess(ProcessAdapter.command(command));
        }
        if (Boolean.getBoolean(ProcessAdapter.ISOLATE)) {
            return runProcess(ProcessAdapter.isolated(Adapters.commandLineName(), List.of()));
        }
        return launch(AdapterRun.fromCommandLine());
    }

    /** Certifies an implementation in a process of its own over the adapter protocol, and ends the process. */
    public ReportSink.Published runProcess(ProcessAdapter process) {
        try (process) {
            return launch(AdapterRun.of(process));
        }
    }

    /** Certifies this adapter instance, whatever the system property names. */
    public ReportSink.Published run(ConformanceAdapter adapter) {
        return launch(AdapterRun.of(adapter));
    }

    /** A tag expression no scenario matches: an adapter that declares nothing runs no scenario. */
    private static final String NOTHING = "@profile:none";

    /**
     * The profiles the adapter declares, so that only their scenarios are set up and run: the others are
     * skipped before any step class is made, and reported as not applicable. Empty when no adapter can be
     * selected (the run then reports why).
     */
    private static Optional<Set<Profile>> declared(AdapterRun run) {
        try {
            return Optional.of(run.metadata().profiles());
        } catch (Adapters.AdapterSelectionError e) {
            return Optional.empty();
        }
    }

    /**
     * Runs the suite against {@code run}'s adapter: the run is open (known by its id, which the launcher's
     * configuration carries, and bound to this thread, on which the launcher runs the suite) until the suite ends.
     */
    private ReportSink.Published launch(AdapterRun run) {
        AdapterRuns.Binding open = run.bind();
        try {
            return launchOpen(run);
        } finally {
            open.close();
        }
    }

    private ReportSink.Published launchOpen(AdapterRun run) {
        RunLimits.clear();
        Preflight.Checked checked = new Preflight(settings).check(folder, run);
        List<String> problems = new ArrayList<>(checked.problems());
        try {
            if (java.nio.file.Files.isDirectory(folder)) {
                ReportBundle.clear(folder);
            }
        } catch (IOException | RuntimeException e) {
            problems.add("the earlier report in " + folder.toAbsolutePath() + " cannot be removed: " + e);
        }
        if (!problems.isEmpty() || !checked.ready()) {
            return ended(ErrorReport.of(checked.adapter(), String.join("; ", problems), Instant.now()));
        }
        Instant started = Instant.now();
        boolean sourcesInPlace = written(ErrorReport.of(
                checked.adapter(),
                "the run started at " + started + " and did not finish: the JVM "
                        + "stopped before the end (Runtime.halt, a crash, or the process was killed)",
                started));
        AtomicReference<ReportSink.Published> report = new AtomicReference<>();
        CertificationListener listener = new CertificationListener(run, folder, report::set, checked, sourcesInPlace);
        Thread exiting = new Thread(
                () -> listener.abandon("the JVM exited before the run ended (System.exit was called, "
                        + "by the adapter or by code it runs, or the process got a signal)"),
                "gmck-report-on-exit");
        Runtime.getRuntime().addShutdownHook(exiting);
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        try {
            List<TestExecutionListener> all = new ArrayList<>(List.of(summary, listener));
            all.addAll(watchers);
            LauncherFactory.create().execute(request(run), all.toArray(TestExecutionListener[]::new));
        } finally {
            RunLimits.clear();
            try {
                Runtime.getRuntime().removeShutdownHook(exiting);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: it wrote the report
            }
        }
        if (report.get() == null) {
            StringBuilder why = new StringBuilder("the conformance suite ran "
                    + summary.getSummary().getTestsFoundCount() + " tests but produced no report");
            summary.getSummary().getFailures().forEach(f -> why.append("; ").append(f.getException()));
            return ended(ErrorReport.of(checked.adapter(), why.toString(), started));
        }
        return report.get();
    }

    private LauncherDiscoveryRequest request(AdapterRun run) {
        Map<String, String> parameters = new LinkedHashMap<>(settings);
        parameters.put(AdapterRuns.PARAMETER, run.id());
        if (cucumberReports()) {
            parameters.put(
                    "cucumber.plugin",
                    "html:" + folder.resolve("cucumber.html") + ", json:" + folder.resolve("cucumber.json") + ", junit:"
                            + folder.resolve("cucumber-junit.xml"));
        }
        parameters.put("cucumber.publish.quiet", "true");
        // ids unique in this JVM without a SecureRandom draw for each (see RunUniqueIds)
        parameters.put("cucumber.uuid-generator", RunUniqueIds.class.getName());
        parameters.put("cucumber.junit-platform.discovery.as-root-engine", "false");
        Optional<Set<Profile>> running = profiles.or(() -> declared(run));
        parameters.put("cucumber.glue", FeatureFileChecks.glueFor(running.orElse(Set.of())));
        running.ifPresent(p -> parameters.put(
                "cucumber.filter.tags",
                p.isEmpty() ? NOTHING : p.stream().map(Profile::tag).collect(Collectors.joining(" or "))));
        profiles.ifPresent(p -> parameters.put(
                CheckSettings.PROFILES, p.stream().map(Profile::id).collect(Collectors.joining(","))));
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(ConformanceSuite.class))
                .filters(includeEngines("junit-platform-suite"))
                .configurationParameters(parameters)
                .build();
    }

    /** Whether {@value #CUCUMBER_REPORTS} asks for Cucumber's reports (the preflight has checked its value). */
    private boolean cucumberReports() {
        String v = settings.containsKey(CUCUMBER_REPORTS)
                ? settings.get(CUCUMBER_REPORTS)
                : System.getProperty(CUCUMBER_REPORTS);
        return v == null || !v.strip().equals("false");
    }

    /** A run that ended before the suite could run: its error report, written where possible and printed. */
    private ReportSink.Published ended(CertificationReport report) {
        written(report);
        System.out.println(ReportBundle.console(report, folder));
        return new ReportSink.Published(report, folder);
    }

    /** Writes the report's whole bundle where possible; whether it was written. */
    private boolean written(CertificationReport report) {
        try {
            ReportBundle.write(report, folder);
            return true;
        } catch (RuntimeException e) {
            System.err.println("The report cannot be written to " + folder.toAbsolutePath() + ": " + e);
            return false;
        }
    }
}
