package org.gmck.kit.report;

import java.util.Map;
import java.util.stream.Collectors;
import org.gmck.kit.evidence.ScenarioOutcome;
import org.gmck.kit.protocol.ProcessAdapter;
import org.gmck.kit.protocol.ProcessRecord;
import org.gmck.spi.common.Profile;

/** The {@link SummaryMarkdown} view as one self-contained HTML page, for reading in a browser. */
public final class SummaryHtml {

    private SummaryHtml() {}

    public static String render(CertificationReport report, String featuresLink, String indexLink) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Conformance summary</title><style>")
                .append(
                        "body{font-family:sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #ccc;padding:.3em .6em;vertical-align:top;text-align:left}")
                .append(".pass{color:#060}.fail,.unexpected-pass{color:#b00;font-weight:bold}")
                .append(".expected-failure,.optional-unmet,.not-run{color:#a60}.not-applicable,.untestable{color:#666}")
                .append("</style></head><body>\n<h1>Conformance summary</h1>\n<p><strong>")
                .append(esc(report.headline()))
                .append("</strong></p>\n<table>\n");
        report.adapter().ifPresent(a -> {
            row(
                    h,
                    "Adapter",
                    esc(a.name() + " " + a.version() + " ("
                            + a.processes().map(p -> "process " + p.command()).orElse(a.implementationClass()) + ")"));
            row(
                    h,
                    "Declared profiles",
                    a.declaredProfiles().isEmpty()
                            ? "none"
                            : esc(a.declaredProfiles().stream().map(Profile::id).collect(Collectors.joining(", "))));
            a.parameters().forEach((k, v) -> row(h, "Parameter " + esc(k), esc(v)));
        });
        row(h, "Kit", esc(report.kitVersion() + ", features sha256 " + report.featuresSha256()));
        row(
                h,
                "Baseline",
                esc(report.baseline()
                        .file()
                        .map(p -> p + ", " + report.baseline().entries().size() + " rules listed")
                        .orElse("none")));
        row(
                h,
                "Environment",
                esc("Java " + report.environment().get("javaVersion") + " on "
                        + report.environment().get("osName") + " "
                        + report.environment().get("osArch") + ", timeout per call "
                        + report.environment().get("timeoutPerCall")));
        h.append("</table>\n<table><tr><th>Profile</th><th>Declared</th><th>Rules</th>");
        for (Verdict v : Verdict.values()) {
            h.append("<th>").append(v.label()).append("</th>");
        }
        h.append("</tr>\n");
        report.byProfile().forEach((profile, rules) -> {
            Map<Verdict, Integer> c = report.counts(rules);
            h.append("<tr><td><a href=\"#")
                    .append(profile.id())
                    .append("\">")
                    .append(profile.id())
                    .append("</a></td><td>")
                    .append(report.declared().contains(profile) ? "yes" : "no")
                    .append("</td><td>")
                    .append(rules.size())
                    .append("</td>");
            for (Verdict v : Verdict.values()) {
                h.append("<td>").append(c.get(v)).append("</td>");
            }
            h.append("</tr>\n");
        });
        h.append("</table>\n");
        report.byProfile().forEach((profile, rules) -> {
            h.append("<h2 id=\"")
                    .append(profile.id())
                    .append("\">")
                    .append(profile.id())
                    .append("</h2>\n")
                    .append(
                            "<table><tr><th>Rule</th><th>Level</th><th>Verdict</th><th>Source</th><th>Scenarios</th><th>Cases and model runs</th><th>Why</th></tr>\n");
            for (RuleVerdict v : rules) {
                h.append("<tr><td><a href=\"")
                        .append(indexLink)
                        .append('#')
                        .append(RuleIndex.anchor(v.rule().id()))
                        .append("\" title=\"")
                        .append(esc(v.rule().statement()))
                        .append("\">")
                        .append(v.rule().id())
                        .append("</a></td><td>")
                        .append(v.rule().level())
                        .append("</td><td class=\"")
                        .append(v.verdict().label())
                        .append("\">")
                        .append(v.verdict().label())
                        .append("</td><td>")
                        .append(esc(v.rule().source()))
                        .append("</td><td>");
                for (ScenarioOutcome s : v.scenarios()) {
                    h.append("<a class=\"")
                            .append(s.failed() ? "fail" : s.passed() ? "pass" : "not-applicable")
                            .append("\" href=\"")
                            .append(featuresLink)
                            .append(s.file())
                            .append("\" title=\"")
                            .append(esc(s.name() + (s.message().isEmpty() ? "" : "\n" + s.message())))
                            .append("\">")
                            .append(esc(s.location()))
                            .append("</a><br>");
                }
                h.append("</td><td>")
                        .append(esc(EvidenceText.brief(v.evidence())))
                        .append("</td><td>")
                        .append(esc(v.reason()))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        });
        if (!report.unattributed().isEmpty()) {
            h.append("<h2>Checks that failed without naming a rule</h2>\n<ul>\n");
            report.unattributed().forEach(u -> h.append("<li>").append(esc(u)).append("</li>\n"));
            h.append("</ul>\n");
        }
        report.adapter().flatMap(a -> a.processes()).ifPresent(p -> processes(h, p));
        report.rules()
                .forEach(v -> v.evidence().models().stream()
                        .filter(m -> m.failed())
                        .forEach(m -> h.append("<h3>")
                                .append(esc(v.rule().id() + ": the " + m.model() + " model, " + m.variant() + ", seed "
                                        + m.seed()))
                                .append("</h3>\n<p>")
                                .append(esc(m.failure().get().difference()))
                                .append("</p>\n<pre>")
                                .append(esc(m.failure().get().gherkin()))
                                .append("</pre>\n")));
        return h.append("</body></html>\n").toString();
    }

    /** The implementation's processes: how each ended and the last line of its standard error. */
    private static void processes(StringBuilder h, ProcessAdapter.Processes p) {
        h.append("<h2 id=\"processes\">Processes</h2>\n<p>Started with <code>")
                .append(esc(p.command()))
                .append("</code>; a new process serves the next check after one ends.")
                .append(p.leftOut() > 0 ? " " + p.leftOut() + " processes in the middle are left out." : "")
                .append("</p>\n<table><tr><th>Process</th><th>Requests</th><th>How it ended</th>")
                .append("<th>Last line of standard error</th></tr>\n");
        for (ProcessRecord r : p.processes()) {
            h.append("<tr><td>")
                    .append(r.number())
                    .append("</td><td>")
                    .append(r.requests())
                    .append("</td><td>")
                    .append(esc(r.end()))
                    .append("</td><td>")
                    .append(esc(ProcessRecord.lastLine(r.stderr())))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><th>").append(key).append("</th><td>").append(value).append("</td></tr>\n");
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
