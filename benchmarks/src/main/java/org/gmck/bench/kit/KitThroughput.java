package org.gmck.bench.kit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.gmck.kit.certify.Certification;
import org.gmck.kit.evidence.CaseTally;
import org.gmck.kit.evidence.ModelEvidence;
import org.gmck.kit.evidence.ScenarioOutcome;
import org.gmck.kit.report.CertificationReport;
import org.gmck.kit.report.RuleVerdict;
import org.gmck.reference.binding.ReferenceAdapter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * The kit's own speed: one whole certification of the reference, in process, with the time of each kind of
 * check taken from the test engine's events and the number of things each checked taken from the report.
 * Scenarios are Cucumber's tests; fixture and random x86 cases and model-based sequences are the checks'
 * tests, each counted from the evidence the report keeps (a model run listed under several rules counts once).
 */
public final class KitThroughput {

    /** A kind of check. */
    public enum Kind {
        SCENARIOS("scenarios", "scenarios"),
        FIXTURE_CASES("x86 fixture cases", "cases"),
        RANDOM_CASES("random x86 cases", "cases"),
        MODEL_RUNS("model-based runs", "steps"),
        HANDLER_SEQUENCES("random virtual-handler sequences", "sequences"),
        OTHER("other checks", "tests");

        private final String label;
        private final String unit;

        Kind(String label, String unit) {
            this.label = label;
            this.unit = unit;
        }

        public String label() {
            return label;
        }

        public String unit() {
            return unit;
        }
    }

    /** What one kind of check did in the run: how many things, in how much time spent in its tests. */
    public record Figure(Kind kind, long items, Duration time) {
        public double perSecond() {
            return time.isZero() ? 0 : items / (time.toNanos() / 1e9);
        }
    }

    /** The figures of one run, and the run's wall-clock time. */
    public record Run(Map<Kind, Figure> figures, Duration wall, String outcome) {}

    private KitThroughput() {}

    /** Measures once and prints the figures (the benchmark run writes them into RESULTS.md). */
    public static void main(String[] args) throws java.io.IOException {
        Run run = measure(java.nio.file.Files.createTempDirectory("gmck-throughput"));
        run.figures()
                .values()
                .forEach(f -> System.out.printf(
                        java.util.Locale.ROOT,
                        "%-34s %,10d %-9s %8.1f s %,12.0f/s%n",
                        f.kind().label(),
                        f.items(),
                        f.kind().unit(),
                        f.time().toMillis() / 1000.0,
                        f.perSecond()));
        System.out.printf(java.util.Locale.ROOT, "wall %.1f s: %s%n", run.wall().toMillis() / 1000.0, run.outcome());
    }

    /** Certifies the reference into {@code folder} and measures. */
    public static Run measure(Path folder) {
        Timing timing = new Timing();
        long start = System.nanoTime();
        CertificationReport report = Certification.into(folder)
                .watchedBy(timing)
                .run(new ReferenceAdapter())
                .report();
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        Map<Kind, Long> items = count(report);
        Map<Kind, Figure> figures = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            long n = kind == Kind.OTHER ? timing.tests.getOrDefault(kind, 0L) : items.getOrDefault(kind, 0L);
            figures.put(kind, new Figure(kind, n, Duration.ofNanos(timing.nanos.getOrDefault(kind, 0L))));
        }
        return new Run(figures, wall, report.headline());
    }

    private static Map<Kind, Long> count(CertificationReport report) {
        Map<Kind, Long> items = new EnumMap<>(Kind.class);
        Set<String> scenarios = new HashSet<>();
        Map<String, Long> modelSteps = new HashMap<>();
        for (RuleVerdict rule : report.rules()) {
            for (ScenarioOutcome s : rule.evidence().scenarios()) {
                if (s.passed() || s.failed()) {
                    scenarios.add(s.file() + ":" + s.line() + ":" + s.name());
                }
            }
            for (CaseTally c : rule.evidence().cases()) {
                Kind kind = c.source().startsWith("x86-fixtures/")
                        ? Kind.FIXTURE_CASES
                        : c.source().startsWith("random virtual-handler") ? Kind.HANDLER_SEQUENCES : Kind.RANDOM_CASES;
                items.merge(kind, (long) c.ran(), Long::sum);
            }
            for (ModelEvidence m : rule.evidence().models()) {
                modelSteps.put(m.model() + "/" + m.variant() + "/" + m.seed(), m.steps());
            }
        }
        items.put(Kind.SCENARIOS, (long) scenarios.size());
        items.put(
                Kind.MODEL_RUNS,
                modelSteps.values().stream().mapToLong(Long::longValue).sum());
        return items;
    }

    /** Adds up the time spent in each kind of test. */
    private static final class Timing implements TestExecutionListener {
        final Map<Kind, Long> nanos = new EnumMap<>(Kind.class);
        final Map<Kind, Long> tests = new EnumMap<>(Kind.class);
        private final Map<String, Long> started = new HashMap<>();

        @Override
        public void executionStarted(TestIdentifier test) {
            if (test.isTest()) {
                started.put(test.getUniqueId(), System.nanoTime());
            }
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            Long begin = started.remove(test.getUniqueId());
            if (begin != null) {
                Kind kind = kindOf(test);
                nanos.merge(kind, System.nanoTime() - begin, Long::sum);
                tests.merge(kind, 1L, Long::sum);
            }
        }

        private static Kind kindOf(TestIdentifier test) {
            String id = test.getUniqueId();
            if (id.contains("[engine:cucumber]")) {
                return Kind.SCENARIOS;
            }
            if (id.contains("X86FixtureChecks]")) {
                return Kind.FIXTURE_CASES;
            }
            if (id.contains("X86RandomChecks]")) {
                return Kind.RANDOM_CASES;
            }
            if (id.contains("VirtualHandlerChecks]")) {
                return Kind.HANDLER_SEQUENCES;
            }
            if (id.contains("[class:org.gmck.kit.model.")) {
                return Kind.MODEL_RUNS;
            }
            return Kind.OTHER;
        }
    }
}
