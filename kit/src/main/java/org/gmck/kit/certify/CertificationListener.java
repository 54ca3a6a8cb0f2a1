package org.gmck.kit.certify;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.gmck.kit.AdapterRun;
import org.gmck.kit.AdapterRuns;
import org.gmck.kit.Adapters;
import org.gmck.kit.NotApplicable;
import org.gmck.kit.NotRun;
import org.gmck.kit.RunLimits;
import org.gmck.kit.Timeouts;
import org.gmck.kit.catalogue.Rule;
import org.gmck.kit.catalogue.RuleCatalogue;
import org.gmck.kit.evidence.CaseTally;
import org.gmck.kit.evidence.EvidenceEntries;
import org.gmck.kit.evidence.ModelEvidence;
import org.gmck.kit.evidence.RuleEvidence;
import org.gmck.kit.evidence.ScenarioOutcome;
import org.gmck.kit.report.Baseline;
import org.gmck.kit.report.CertificationReport;
import org.gmck.kit.report.KitSources;
import org.gmck.kit.report.ReportBundle;
import org.gmck.kit.report.ReportSink;
import org.gmck.spi.common.Profile;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Joins everything a run of the conformance suite checked into the certification report: the scenarios'
 * results, the data cases and the model-based runs each check published (see {@link EvidenceEntries}), the
 * rule catalogue, the adapter and the baseline. At the end of the run it writes the report's bundle (see
 * {@link ReportBundle}) and prints the verdict table.
 *
 * <p>The certification command registers its own instance. The JUnit Platform also loads one for every run
 * on the class path (Surefire's, an IDE's); that one writes a report only when the configuration parameter
 * {@value #FOLDER_PARAMETER} names a folder, so that runs that only need pass or fail (PIT's) stay quick.
 */
public final class CertificationListener implements TestExecutionListener {

    /** The configuration parameter that makes the class-path instance write its report into a folder. */
    public static final String FOLDER_PARAMETER = "gmck.report.dir";

    private final Optional<Path> configured;
    private final Consumer<ReportSink.Published> onReport;
    private final Optional<Preflight.Checked> preflight;
    private final Optional<AdapterRun> given;
    /** Whether the folder already holds the kit's sources, written with the report the run started with. */
    private final boolean sourcesInPlace;

    private Path folder;
    private AdapterRun run;
    private Instant started;
    private Set<Profile> declared = Set.of();
    private final Map<String, List<ScenarioOutcome>> scenarios = new TreeMap<>();
    private final Map<String, List<CaseTally>> cases = new TreeMap<>();
    private final Map<String, List<ModelEvidence>> models = new TreeMap<>();
    private final List<String> unattributed = new ArrayList<>();
    private final Set<String> publishedFailures = new HashSet<>();
    private final List<String> errors = new ArrayList<>();
    private final Set<String> planned = new HashSet<>();
    private final Set<String> answered = new HashSet<>();
    private final Set<String> running = new java.util.LinkedHashSet<>();
    private volatile boolean finished;

    /** The instance the JUnit Platform loads: it writes a report only when {@value #FOLDER_PARAMETER} is set. */
    public CertificationListener() {
        this(Optional.empty(), p -> {}, Optional.empty(), Optional.empty(), false);
    }

    /**
     * The certification command's instance: reports on {@code run}, writes its report into {@code folder}, hands
     * it to {@code onReport}, and starts the run's limits once it knows how many scenarios the run has. When
     * {@code sourcesInPlace}, the folder already holds the kit's sources (see {@link ReportBundle#writeReport}).
     */
    CertificationListener(
            AdapterRun run,
            Path folder,
            Consumer<ReportSink.Published> onReport,
            Preflight.Checked preflight,
            boolean sourcesInPlace) {
        this(Optional.of(folder), onReport, Optional.of(preflight), Optional.of(run), sourcesInPlace);
    }

    private CertificationListener(
            Optional<Path> configured,
            Consumer<ReportSink.Published> onReport,
            Optional<Preflight.Checked> preflight,
            Optional<AdapterRun> given,
            boolean sourcesInPlace) {
        this.configured = configured;
        this.sourcesInPlace = sourcesInPlace;
        this.onReport = onReport;
        this.preflight = preflight;
        this.given = given;
        this.run = given.orElse(null);
    }

    /**
     * The unique ids of the run's conformance suites ({@link ConformanceSuite} or a class that extends it, such as
     * the kit's own {@code RunConformanceTest}): every test of the suite has one of them as a prefix.
     */
    private volatile Set<String> suites = Set.of();

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan plan) {
        folder = configured.orElseGet(() -> plan.getConfigurationParameters()
                .get(FOLDER_PARAMETER)
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(Path::of)
                .orElse(null));
        suites = plan.getRoots().stream()
                .flatMap(root -> plan.getChildren(root).stream())
                .filter(CertificationListener::isConformanceSuite)
                .map(TestIdentifier::getUniqueId)
                .collect(Collectors.toUnmodifiableSet());
        if (suites.isEmpty()) {
            folder = null;
        }
        started = Instant.now();
        run = given.orElseGet(
                () -> AdapterRuns.byId(plan.getConfigurationParameters().get(AdapterRuns.PARAMETER)));
        try {
            declared = run.metadata().profiles();
        } catch (Adapters.AdapterSelectionError e) {
            declared = Set.of();
        }
        scenarios.clear();
        cases.clear();
        models.clear();
        unattributed.clear();
        publishedFailures.clear();
        errors.clear();
        planned.clear();
        answered.clear();
        running.clear();
        finished = false;
        if (!active()) {
            return;
        }
        Set<Profile> running = running(plan);
        int[] ofRunning = {0};
        collectPlanned(plan, plan.getRoots(), running, ofRunning);
        KitSources kit = KitSources.onClassPath();
        errors.addAll(kit.unattributable());
        if (preflight.isPresent()) {
            int expected = kit.scenarioCount(running);
            if (expected != ofRunning[0]) {
                errors.add("the suite has " + expected
                        + " scenarios of the profiles this run certifies, but the run planned " + ofRunning[0]);
            }
        }
        preflight.ifPresent(
                p -> RunLimits.start(p.runCap().orElse(RunLimits.defaultCap(planned.size())), p.maxHangs()));
    }

    /** The profiles whose scenarios the run's tag filter lets through (all declared ones when it has none). */
    private Set<Profile> running(TestPlan plan) {
        Optional<String> filter = plan.getConfigurationParameters().get("cucumber.filter.tags");
        if (filter.isEmpty()) {
            return declared;
        }
        Set<Profile> through = EnumSet.noneOf(Profile.class);
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("@profile:[a-z0-9-]+").matcher(filter.get());
        while (m.find()) {
            Profile.byTag(m.group()).ifPresent(through::add);
        }
        return through;
    }

    /** Every scenario of the suite in the plan: each must end with a result, or the run is an error. */
    private void collectPlanned(TestPlan plan, Set<TestIdentifier> level, Set<Profile> running, int[] ofRunning) {
        for (TestIdentifier id : level) {
            if (id.isTest() && ofTheSuite(id) && isScenario(id)) {
                planned.add(id.getUniqueId());
                if (id.getTags().stream()
                        .map(t -> Profile.byTag("@" + t.getName()))
                        .flatMap(Optional::stream)
                        .anyMatch(running::contains)) {
                    ofRunning[0]++;
                }
            }
            collectPlanned(plan, plan.getChildren(id), running, ofRunning);
        }
    }

    private static boolean isScenario(TestIdentifier id) {
        return id.getSource()
                .filter(s -> s instanceof ClasspathResourceSource || s instanceof FileSource)
                .isPresent();
    }

    @Override
    public synchronized void executionStarted(TestIdentifier id) {
        if (active() && id.isTest() && ofTheSuite(id)) {
            running.add(id.getDisplayName());
        }
    }

    private boolean active() {
        return folder != null;
    }

    private boolean ofTheSuite(TestIdentifier id) {
        String unique = id.getUniqueId();
        return suites.stream().anyMatch(unique::startsWith);
    }

    private static boolean isConformanceSuite(TestIdentifier id) {
        return id.getSource()
                .filter(ClassSource.class::isInstance)
                .map(ClassSource.class::cast)
                .map(source -> {
                    try {
                        return ConformanceSuite.class.isAssignableFrom(source.getJavaClass());
                    } catch (RuntimeException | LinkageError e) {
                        return false;
                    }
                })
                .orElse(false);
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        if (active() && !id.isTest() && ofTheSuite(id)) {
            return;
        }
        if (active() && id.isTest() && ofTheSuite(id)) {
            answered.add(id.getUniqueId());
            if (isScenario(id) && ruleOf(id).isEmpty()) {
                errors.add("scenario '" + id.getDisplayName() + "' has no rule tag, so no rule can be judged by it");
            }
            ruleOf(id)
                    .ifPresent(rule -> scenario(
                            rule,
                            id,
                            undeclared(id) ? ScenarioOutcome.NOT_APPLICABLE : ScenarioOutcome.SKIPPED,
                            reason));
        }
    }

    /** Whether a scenario belongs to a profile the adapter does not declare (it was filtered out as not applicable). */
    private boolean undeclared(TestIdentifier id) {
        return id.getTags().stream()
                .map(t -> Profile.byTag("@" + t.getName()))
                .flatMap(Optional::stream)
                .anyMatch(p -> !declared.contains(p));
    }

    @Override
    public synchronized void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        if (!active() || !ofTheSuite(id)) {
            return;
        }
        String value = entry.getKeyValuePairs().get(EvidenceEntries.KEY);
        if (value == null) {
            return;
        }
        Optional<EvidenceEntries.Entry> read = EvidenceEntries.read(value);
        if (read.isEmpty()) {
            unattributed.add(id.getDisplayName() + " published evidence the kit cannot read");
            return;
        }
        EvidenceEntries.Entry e = read.get();
        if (e instanceof EvidenceEntries.Cases c) {
            cases.computeIfAbsent(c.rule(), k -> new ArrayList<>()).add(c.tally());
            if (c.tally().failed() > 0) {
                publishedFailures.add(id.getUniqueId());
            }
        } else if (e instanceof EvidenceEntries.Model m) {
            models.computeIfAbsent(m.rule(), k -> new ArrayList<>()).add(m.evidence());
            if (m.evidence().failed()) {
                publishedFailures.add(id.getUniqueId());
            }
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!active() || !id.isTest() || !ofTheSuite(id)) {
            return;
        }
        Optional<String> rule = ruleOf(id);
        running.remove(id.getDisplayName());
        answered.add(id.getUniqueId());
        Optional<Throwable> thrown = result.getThrowable();
        String message = thrown.map(t -> t.getMessage() == null ? t.getClass().getName() : t.getMessage())
                .orElse("");
        if (rule.isPresent()) {
            switch (result.getStatus()) {
                case SUCCESSFUL -> scenario(rule.get(), id, ScenarioOutcome.PASSED, "");
                case ABORTED ->
                    scenario(
                            rule.get(),
                            id,
                            thrown.filter(NotRun::signalled).isPresent()
                                    ? ScenarioOutcome.NOT_RUN
                                    : thrown.filter(NotApplicable::signalled).isPresent()
                                            ? ScenarioOutcome.NOT_APPLICABLE
                                            : ScenarioOutcome.SKIPPED,
                            message);
                default -> scenario(rule.get(), id, ScenarioOutcome.FAILED, message);
            }
        } else if (isScenario(id)) {
            errors.add("scenario '" + id.getDisplayName() + "' has no rule tag, so no rule can be judged by it ("
                    + result.getStatus() + (message.isEmpty() ? "" : ": " + shorten(message)) + ")");
        } else if (result.getStatus() == TestExecutionResult.Status.FAILED
                && !publishedFailures.contains(id.getUniqueId())) {
            unattributed.add(id.getDisplayName() + ": " + shorten(message));
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        if (!active() || finished) {
            return;
        }
        Set<String> missing = new HashSet<>(planned);
        missing.removeAll(answered);
        if (!missing.isEmpty()) {
            errors.add(missing.size() + " of the run's " + planned.size() + " scenarios ended without a result");
        }
        publish(Optional.empty());
    }

    /**
     * Ends the run early: writes the report of what ran so far with this error (the JVM is exiting while
     * the run is in progress). Does nothing once the run has ended.
     */
    synchronized void abandon(String why) {
        if (!active() || finished) {
            return;
        }
        String during = running.isEmpty() ? "" : " while running " + String.join(", ", running);
        publish(Optional.of(why + during));
    }

    private void publish(Optional<String> error) {
        finished = true;
        CertificationReport report = report(Instant.now(), error);
        if (sourcesInPlace) {
            ReportBundle.writeReport(report, folder);
        } else {
            ReportBundle.write(report, folder);
        }
        System.out.println(ReportBundle.console(report, folder));
        onReport.accept(new ReportSink.Published(report, folder));
    }

    private CertificationReport report(Instant finished, Optional<String> abandoned) {
        RuleCatalogue catalogue = RuleCatalogue.bundled();
        KitSources kit = KitSources.onClassPath();
        Optional<CertificationReport.AdapterInfo> adapter = Optional.empty();
        List<String> problems = new ArrayList<>(errors);
        abandoned.ifPresent(problems::add);
        try {
            adapter = Optional.of(ErrorReport.info(run == null ? AdapterRuns.current() : run));
        } catch (Adapters.AdapterSelectionError e) {
            problems.add(0, e.getMessage());
        }
        Optional<String> error = problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
        Set<Profile> declared =
                adapter.map(CertificationReport.AdapterInfo::declaredProfiles).orElse(Set.of());
        Baseline baseline = Baseline.forRun(catalogue, declared);
        Map<String, RuleEvidence> evidence = new TreeMap<>();
        Set<String> ids = new HashSet<>(scenarios.keySet());
        ids.addAll(cases.keySet());
        ids.addAll(models.keySet());
        for (String rule : ids) {
            if (catalogue.rule(rule).isEmpty()) {
                unattributed.add("evidence names rule " + rule + ", which CONFORMANCE.md does not catalogue");
                continue;
            }
            evidence.put(
                    rule,
                    new RuleEvidence(
                            scenarios.getOrDefault(rule, List.of()),
                            cases.getOrDefault(rule, List.of()),
                            models.getOrDefault(rule, List.of())));
        }
        return new CertificationReport(
                kit.version(),
                kit.featuresSha256(),
                kit.catalogueSha256(),
                adapter,
                error,
                RunLimits.stopped(),
                CertificationReport.currentEnvironment(Timeouts.describe(Timeouts.forRun())),
                baseline,
                CertificationReport.judge(catalogue.rules(), evidence, declared, baseline),
                unattributed,
                started,
                finished);
    }

    private void scenario(String rule, TestIdentifier id, String status, String message) {
        String[] where = where(id);
        scenarios
                .computeIfAbsent(rule, k -> new ArrayList<>())
                .add(new ScenarioOutcome(
                        id.getDisplayName(), where[0], Long.parseLong(where[1]), status, shorten(message)));
    }

    /** The scenario's rule: its one tag that is a rule id. */
    private static Optional<String> ruleOf(TestIdentifier id) {
        return id.getTags().stream()
                .map(TestTag::getName)
                .filter(t -> Rule.ID.matcher(t).matches())
                .findFirst();
    }

    /** The feature file (relative to the features folder) and line of a scenario. */
    private static String[] where(TestIdentifier id) {
        Optional<TestSource> source = id.getSource();
        String path = "";
        Optional<FilePosition> position = Optional.empty();
        if (source.isPresent() && source.get() instanceof ClasspathResourceSource c) {
            path = c.getClasspathResourceName();
            position = c.getPosition();
        } else if (source.isPresent() && source.get() instanceof FileSource f) {
            path = f.getFile().getPath().replace('\\', '/');
            position = f.getPosition();
        }
        int at = path.lastIndexOf("features/");
        String file = at >= 0 ? path.substring(at + "features/".length()) : path;
        return new String[] {
            file, String.valueOf(position.map(FilePosition::getLine).orElse(1))
        };
    }

    private static String shorten(String message) {
        String m = message == null ? "" : message;
        return m.length() > 4000 ? m.substring(0, 4000) + "…" : m;
    }

    @Override
    public String toString() {
        return "certification report" + (folder == null ? "" : " into " + folder);
    }
}
