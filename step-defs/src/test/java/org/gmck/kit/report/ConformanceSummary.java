package org.gmck.kit.report;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gmck.kit.Adapters;
import org.gmck.kit.KitHooks;
import org.gmck.kit.catalogue.Rule;
import org.gmck.kit.catalogue.RuleCatalogue;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.Profile;

/**
 * Cucumber plugin that joins the scenarios' results with the rule catalogue: a verdict per rule and a
 * per-profile summary, printed at the end of the run and written to {@code target/conformance/summary.md}.
 */
public final class ConformanceSummary implements ConcurrentEventListener {

    /** Where the summary is written, relative to the working directory of the run. */
    public static final Path OUTPUT = Path.of("target", "conformance", "summary.md");

    private final Map<String, List<ScenarioResult>> byRule = new TreeMap<>();

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
        publisher.registerHandlerFor(TestRunFinished.class, e -> report());
    }

    private synchronized void finished(TestCaseFinished event) {
        TestCase testCase = event.getTestCase();
        Optional<String> rule = testCase.getTags().stream().map(t -> t.substring(1))
                .filter(t -> Rule.ID.matcher(t).matches()).findFirst();
        if (rule.isEmpty()) {
            return;
        }
        Throwable error = event.getResult().getError();
        boolean notApplicable = event.getResult().getStatus() == Status.SKIPPED && error != null
                && String.valueOf(error.getMessage()).contains(KitHooks.NOT_APPLICABLE);
        Verdict verdict = notApplicable ? Verdict.NOT_APPLICABLE
                : event.getResult().getStatus() == Status.PASSED ? Verdict.PASS : Verdict.FAIL;
        byRule.computeIfAbsent(rule.get(), k -> new ArrayList<>())
                .add(new ScenarioResult(testCase.getName(), testCase.getUri() + ":" + testCase.getLocation().getLine(), verdict));
    }

    private synchronized void report() {
        RuleCatalogue catalogue = RuleCatalogue.bundled();
        Map<Profile, int[]> counts = new EnumMap<>(Profile.class);
        StringBuilder rows = new StringBuilder();
        for (Rule rule : catalogue.rules()) {
            int[] c = counts.computeIfAbsent(rule.profile(), p -> new int[6]);
            Verdict verdict = verdictOf(rule);
            c[verdict.ordinal()]++;
            List<ScenarioResult> results = byRule.getOrDefault(rule.id(), List.of());
            c[5] += results.size();
            rows.append("| ").append(rule.id()).append(" | ").append(rule.level()).append(" | ")
                    .append(rule.profile().id()).append(" | ").append(verdict.label).append(" | ")
                    .append(results.size()).append(" |\n");
        }
        String adapterLine = adapterLine();
        StringBuilder console = new StringBuilder();
        console.append("\n=== Conformance summary: ").append(adapterLine).append(" ===\n");
        console.append(String.format("  %-28s %6s %6s %6s %6s %10s %10s%n", "profile", "rules", "pass", "fail",
                "n/a", "untestable", "scenarios"));
        boolean anyFail = false;
        for (Map.Entry<Profile, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            int rules = c[0] + c[1] + c[2] + c[3] + c[4];
            anyFail |= c[Verdict.FAIL.ordinal()] > 0;
            console.append(String.format("  %-28s %6d %6d %6d %6d %10d %10d%n", e.getKey().id(), rules,
                    c[Verdict.PASS.ordinal()], c[Verdict.FAIL.ordinal()], c[Verdict.NOT_APPLICABLE.ordinal()],
                    c[Verdict.UNTESTABLE.ordinal()], c[5]));
        }
        console.append("  verdict: ").append(anyFail ? "NOT CONFORMING (rules fail)" : "CONFORMING for every declared profile")
                .append("\n  per-rule table: step-defs/").append(OUTPUT.toString().replace('\\', '/')).append('\n');
        System.out.println(console);
        write("# Conformance summary\n\n" + adapterLine + "\n\n```\n" + console.toString().strip() + "\n```\n\n"
                + "| Rule | Level | Profile | Verdict | Scenarios |\n| --- | --- | --- | --- | --- |\n" + rows);
    }

    private Verdict verdictOf(Rule rule) {
        if (!rule.testable()) {
            return Verdict.UNTESTABLE;
        }
        List<ScenarioResult> results = byRule.getOrDefault(rule.id(), List.of());
        if (results.isEmpty()) {
            return Verdict.NOT_RUN;
        }
        if (results.stream().anyMatch(r -> r.verdict == Verdict.FAIL)) {
            return Verdict.FAIL;
        }
        if (results.stream().allMatch(r -> r.verdict == Verdict.NOT_APPLICABLE)) {
            return Verdict.NOT_APPLICABLE;
        }
        return Verdict.PASS;
    }

    private static String adapterLine() {
        try {
            ConformanceAdapter adapter = Adapters.selected();
            return "adapter '" + adapter.name() + "' " + adapter.version();
        } catch (Adapters.AdapterSelectionError e) {
            return "no adapter (" + e.getMessage() + ")";
        }
    }

    private static void write(String text) {
        try {
            Files.createDirectories(OUTPUT.getParent());
            Files.writeString(OUTPUT, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Order matters: the first five index the per-profile counters. */
    enum Verdict {
        PASS("pass"), FAIL("FAIL"), NOT_APPLICABLE("not applicable"), UNTESTABLE("untestable"), NOT_RUN("not run");

        final String label;

        Verdict(String label) {
            this.label = label;
        }
    }

    private static final class ScenarioResult {
        final String name;
        final String location;
        final Verdict verdict;

        ScenarioResult(String name, String location, Verdict verdict) {
            this.name = name;
            this.location = location;
            this.verdict = verdict;
        }
    }
}
