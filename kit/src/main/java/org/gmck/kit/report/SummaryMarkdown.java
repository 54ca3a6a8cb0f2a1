package org.gmck.kit.report;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gmck.kit.evidence.ScenarioOutcome;
import org.gmck.kit.protocol.ProcessAdapter;
import org.gmck.kit.protocol.ProcessRecord;
import org.gmck.spi.common.Profile;

/**
 * The human view of a {@link CertificationReport}: the verdict, then per profile a table of its rules,
 * each linked to its entry in the rule index (statement and source) and to the scenarios that decided it.
 */
public final class SummaryMarkdown {

    private SummaryMarkdown() {}

    /**
     * @param featuresLink how links reach the features folder from the summary, for example {@code features/}
     * @param indexLink    how links reach the rule index from the summary, for example {@code rule-index.md}
     */
    public static String render(CertificationReport report, String featuresLink, String indexLink) {
        StringBuilder md = new StringBuilder("# Conformance summary\n\n");
        md.append("**").append(report.headline()).append("**\n\n");
        md.append("| | |\n| --- | --- |\n");
        report.adapter().ifPresent(a -> {
            md.append("| Adapter | `")
                    .append(a.name())
                    .append("` ")
                    .append(a.version())
                    .append(" (")
                    .append(a.processes()
                            .map(p -> "process `" + cell(p.command()) + "`")
                            .orElse("`" + a.implementationClass() + "`"))
                    .append(") |\n");
            md.append("| Declared profiles | ")
                    .append(
                            a.declaredProfiles().isEmpty()
                                    ? "none"
                                    : a.declaredProfiles().stream()
                                            .map(Profile::id)
                                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
            a.parameters()
                    .forEach((k, v) -> md.append("| Parameter `")
                            .append(k)
                            .append("` | ")
                            .append(cell(v))
                            .append(" |\n"));
        });
        md.append("| Kit | ")
                .append(report.kitVersion())
                .append(", features sha256 `")
                .append(report.featuresSha256(), 0, 16)
                .append("…` |\n");
        md.append("| Baseline | ")
                .append(report.baseline()
                        .file()
                        .map(p -> "`" + p + "`, " + report.baseline().entries().size() + " rules listed")
                        .orElse("none"))
                .append(" |\n");
        md.append("| Environment | Java ")
                .append(report.environment().get("javaVersion"))
                .append(" on ")
                .append(report.environment().get("osName"))
                .append(' ')
                .append(report.environment().get("osArch"))
                .append(", timeout per call ")
                .append(report.environment().get("timeoutPerCall"))
                .append(" |\n\n");

        md.append(
                        "| Profile | Declared | Rules | pass | fail | expected failure | unexpected pass | not applicable | untestable | not run |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        report.byProfile().forEach((profile, rules) -> {
            Map<Verdict, Integer> c = report.counts(rules);
            md.append("| [")
                    .append(profile.id())
                    .append("](#")
                    .append(profile.id())
                    .append(") | ")
                    .append(report.declared().contains(profile) ? "yes" : "no")
                    .append(" | ")
                    .append(rules.size())
                    .append(" | ")
                    .append(c.get(Verdict.PASS))
                    .append(" | ")
                    .append(c.get(Verdict.FAIL) + c.get(Verdict.OPTIONAL_UNMET))
                    .append(" | ")
                    .append(c.get(Verdict.EXPECTED_FAILURE))
                    .append(" | ")
                    .append(c.get(Verdict.UNEXPECTED_PASS))
                    .append(" | ")
                    .append(c.get(Verdict.NOT_APPLICABLE))
                    .append(" | ")
                    .append(c.get(Verdict.UNTESTABLE))
                    .append(" | ")
                    .append(c.get(Verdict.NOT_RUN))
                    .append(" |\n");
        });
        report.byProfile().forEach((profile, rules) -> {
            md.append("\n## ").append(profile.id()).append("\n\n");
            md.append(
                    "| Rule | Level | Verdict | Source | Scenarios | Cases and model runs | Why |\n| --- | --- | --- | --- | --- | --- | --- |\n");
            for (RuleVerdict v : rules) {
                md.append("| [")
                        .append(v.rule().id())
                        .append("](")
                        .append(indexLink)
                        .append('#')
                        .append(RuleIndex.anchor(v.rule().id()))
                        .append(") | ")
                        .append(v.rule().level())
                        .append(" | ")
                        .append(
                                v.verdict() == Verdict.PASS
                                        ? "pass"
                                        : "**" + v.verdict().label() + "**")
                        .append(" | ")
                        .append(cell(v.rule().source()))
                        .append(" | ")
                        .append(scenarioLinks(v.scenarios(), featuresLink))
                        .append(" | ")
                        .append(cell(EvidenceText.brief(v.evidence())))
                        .append(" | ")
                        .append(cell(v.reason()))
                        .append(" |\n");
            }
        });
        if (!report.unattributed().isEmpty()) {
            md.append("\n## Checks that failed without naming a rule\n\n");
            report.unattributed()
                    .forEach(u -> md.append("- ").append(u.replace("\n", " ")).append('\n'));
        }
        report.adapter().flatMap(a -> a.processes()).ifPresent(p -> processes(md, p));
        List<RuleVerdict> found = report.rules().stream()
                .filter(v -> v.evidence().models().stream().anyMatch(m -> m.failed()))
                .toList();
        if (!found.isEmpty()) {
            md.append("\n## Disagreements found by the model-based runs\n\n")
                    .append(
                            "Each is the shortest sequence the run found, written as a scenario of the rule it breaks: paste it "
                                    + "into a feature file to replay it.\n");
            for (RuleVerdict v : found) {
                v.evidence().models().stream()
                        .filter(m -> m.failed())
                        .forEach(m -> md.append("\n### ")
                                .append(v.rule().id())
                                .append(": the ")
                                .append(m.model())
                                .append(" model, ")
                                .append(m.variant())
                                .append(", seed ")
                                .append(m.seed())
                                .append("\n\n")
                                .append(m.failure().get().difference())
                                .append("\n\n```gherkin\n")
                                .append(m.failure().get().gherkin())
                                .append("```\n"));
            }
        }
        return md.toString();
    }

    /** The implementation's processes: how each ended and the last line of its standard error. */
    private static void processes(StringBuilder md, ProcessAdapter.Processes p) {
        md.append("\n## Processes\n\n")
                .append("Started with `")
                .append(cell(p.command()))
                .append("`; a new process serves the next check after one ends.")
                .append(p.leftOut() > 0 ? " " + p.leftOut() + " processes in the middle are left out." : "")
                .append(
                        "\n\n| Process | Requests | How it ended | Last line of standard error |\n| --- | --- | --- | --- |\n");
        for (ProcessRecord r : p.processes()) {
            md.append("| ")
                    .append(r.number())
                    .append(" | ")
                    .append(r.requests())
                    .append(" | ")
                    .append(cell(r.end()))
                    .append(" | ")
                    .append(cell(ProcessRecord.lastLine(r.stderr())))
                    .append(" |\n");
        }
    }

    private static String scenarioLinks(List<ScenarioOutcome> scenarios, String featuresLink) {
        return scenarios.stream()
                .map(s -> "[" + (s.failed() ? "✗ " : s.passed() ? "" : "– ") + s.location() + "](" + featuresLink
                        + s.file() + "#L" + s.line() + ")")
                .collect(Collectors.joining("<br>"));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
