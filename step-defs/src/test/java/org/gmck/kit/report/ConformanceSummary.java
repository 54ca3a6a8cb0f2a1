package org.gmck.kit.report;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.gmck.kit.Adapters;
import org.gmck.kit.KitHooks;
import org.gmck.kit.Timeouts;
import org.gmck.kit.catalogue.Rule;
import org.gmck.kit.catalogue.RuleCatalogue;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.Profile;

/**
 * Cucumber plugin that joins the scenarios' results with the rule catalogue into the certification
 * report: a verdict per rule (see {@link Verdict}), the adapter, the kit and the environment. At the end
 * of the run it prints a per-profile summary and writes, to {@code target/conformance/} or the folder
 * given as the plugin's argument ({@code org.gmck.kit.report.ConformanceSummary:DIR}):
 * <ul>
 *   <li>{@code report.json}: the machine-readable report, valid against {@value ReportJson#SCHEMA} (copied beside it);</li>
 *   <li>{@code summary.md} and {@code summary.html}: the same, per profile, each rule linked to its index
 *       entry and its scenarios;</li>
 *   <li>{@code rule-index.md}, {@code CONFORMANCE.md} and {@code features/}: the kit's sources the links point at.</li>
 * </ul>
 */
public final class ConformanceSummary implements ConcurrentEventListener {

    /** Where the report is written by default, relative to the working directory of the run. */
    public static final Path DEFAULT_FOLDER = Path.of("target", "conformance");

    private final Path folder;
    private final Map<String, List<ScenarioOutcome>> byRule = new TreeMap<>();
    private Instant started = Instant.now();

    public ConformanceSummary() {
        this(DEFAULT_FOLDER.toString());
    }

    public ConformanceSummary(String folder) {
        this.folder = Path.of(folder);
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestRunStarted.class, e -> started = e.getInstant());
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
        publisher.registerHandlerFor(TestRunFinished.class, e -> report(e.getInstant()));
    }

    private synchronized void finished(TestCaseFinished event) {
        TestCase testCase = event.getTestCase();
        Optional<String> rule = testCase.getTags().stream().map(t -> t.substring(1))
                .filter(t -> Rule.ID.matcher(t).matches()).findFirst();
        if (rule.isEmpty()) {
            return;
        }
        String uri = testCase.getUri().toString();
        int at = uri.lastIndexOf("features/");
        String file = at >= 0 ? uri.substring(at + "features/".length()) : uri;
        byRule.computeIfAbsent(rule.get(), k -> new ArrayList<>()).add(new ScenarioOutcome(testCase.getName(), file,
                testCase.getLocation().getLine(), status(event.getResult()), message(event.getResult())));
    }

    private static String status(Result result) {
        if (result.getStatus() == Status.PASSED) {
            return ScenarioOutcome.PASSED;
        }
        if (result.getStatus() == Status.SKIPPED) {
            Throwable error = result.getError();
            return error != null && String.valueOf(error.getMessage()).contains(KitHooks.NOT_APPLICABLE)
                    ? ScenarioOutcome.NOT_APPLICABLE : ScenarioOutcome.SKIPPED;
        }
        return ScenarioOutcome.FAILED;
    }

    private static String message(Result result) {
        if (result.getStatus() == Status.PASSED) {
            return "";
        }
        Throwable error = result.getError();
        String message = error == null ? "step " + result.getStatus().name().toLowerCase(java.util.Locale.ROOT)
                : error.getMessage() == null ? error.getClass().getName() : error.getMessage();
        return message.length() > 4000 ? message.substring(0, 4000) + "…" : message;
    }

    private synchronized void report(Instant finishedAt) {
        RuleCatalogue catalogue = RuleCatalogue.bundled();
        KitSources kit = KitSources.onClassPath();
        Optional<CertificationReport.AdapterInfo> adapter = Optional.empty();
        Optional<String> selectionError = Optional.empty();
        try {
            ConformanceAdapter a = Adapters.selected();
            Set<Profile> declared = a.profiles().isEmpty() ? Set.of() : EnumSet.copyOf(a.profiles());
            adapter = Optional.of(new CertificationReport.AdapterInfo(a.name(), a.version(), a.getClass().getName(),
                    declared, new LinkedHashMap<>(new TreeMap<>(a.parameters()))));
        } catch (Adapters.AdapterSelectionError e) {
            selectionError = Optional.of(e.getMessage());
        }
        Set<Profile> declared = adapter.map(CertificationReport.AdapterInfo::declaredProfiles).orElse(Set.of());
        Baseline baseline = Baseline.forRun(catalogue, declared);
        CertificationReport report = new CertificationReport(kit.version(), kit.featuresSha256(), kit.catalogueSha256(),
                adapter, selectionError, CertificationReport.currentEnvironment(Timeouts.describe(Timeouts.forRun())),
                baseline, CertificationReport.judge(catalogue.rules(), byRule, declared, baseline), started, finishedAt);
        write(report, kit, catalogue);
        System.out.println(console(report));
        ReportSink.publish(report, folder);
    }

    private void write(CertificationReport report, KitSources kit, RuleCatalogue catalogue) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("report.json"), ReportJson.write(report), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("summary.md"), SummaryMarkdown.render(report, "features/", "rule-index.md"),
                    StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("summary.html"), SummaryHtml.render(report, "features/", "rule-index.md"),
                    StandardCharsets.UTF_8);
            Map<String, Verdict> verdicts = report.rules().stream()
                    .collect(Collectors.toMap(r -> r.rule().id(), RuleVerdict::verdict));
            String who = report.adapter().map(a -> "adapter `" + a.name() + "` " + a.version()).orElse("no adapter");
            Files.writeString(folder.resolve("rule-index.md"),
                    RuleIndex.render(catalogue, kit.features(), verdicts, who, "features/", "CONFORMANCE.md", ""),
                    StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("CONFORMANCE.md"), kit.catalogueText(), StandardCharsets.UTF_8);
            try (InputStream schema = getClass().getClassLoader().getResourceAsStream(ReportJson.SCHEMA)) {
                if (schema != null) {
                    Files.copy(schema, folder.resolve(ReportJson.SCHEMA), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (Map.Entry<String, byte[]> f : kit.featureFiles().entrySet()) {
                Path target = folder.resolve("features").resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String console(CertificationReport report) {
        StringBuilder out = new StringBuilder("\n=== Conformance summary: ")
                .append(report.adapter().map(a -> "adapter '" + a.name() + "' " + a.version()).orElse("no adapter"))
                .append(" ===\n");
        out.append(String.format("  %-26s %5s %5s %5s %6s %6s %5s %10s %7s %9s%n", "profile", "rules", "pass", "fail",
                "xfail", "xpass", "n/a", "untestable", "not-run", "scenarios"));
        report.byProfile().forEach((profile, rules) -> {
            Map<Verdict, Integer> c = report.counts(rules);
            out.append(String.format("  %-26s %5d %5d %5d %6d %6d %5d %10d %7d %9d%n",
                    profile.id() + (report.declared().contains(profile) ? "" : " (not declared)"), rules.size(),
                    c.get(Verdict.PASS), c.get(Verdict.FAIL) + c.get(Verdict.OPTIONAL_UNMET),
                    c.get(Verdict.EXPECTED_FAILURE), c.get(Verdict.UNEXPECTED_PASS), c.get(Verdict.NOT_APPLICABLE),
                    c.get(Verdict.UNTESTABLE), c.get(Verdict.NOT_RUN),
                    rules.stream().mapToInt(r -> r.scenarios().size()).sum()));
        });
        out.append("  verdict: ").append(report.headline()).append('\n');
        out.append("  report:  ").append(folder.resolve("report.json")).append(", summary.md and summary.html\n");
        return out.toString();
    }
}
