package org.gmck.kit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gmck.kit.catalogue.Rule;
import org.gmck.kit.evidence.EvidenceJson;
import org.gmck.kit.evidence.ScenarioOutcome;
import org.gmck.kit.protocol.ProcessRecord;
import org.gmck.spi.common.Profile;

/** Writes a {@link CertificationReport} as JSON conforming to {@value #SCHEMA}. */
public final class ReportJson {

    /** The schema every report names and conforms to; it ships beside the kit's catalogue. */
    public static final String SCHEMA = "certification-report-1.schema.json";

    static final String SCHEMA_ID = "https://gmck.org/schema/" + SCHEMA;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /**
     * The compact form the results digest is taken over. One mapper for every report: a new one per report
     * looked up every serializer again (a percent of a known-bad adapter's certification in the profile).
     */
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private ReportJson() {}

    public static String write(CertificationReport report) {
        try {
            return JSON.writeValueAsString(tree(report)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> tree(CertificationReport report) throws JsonProcessingException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", SCHEMA_ID);
        root.put("reportFormat", 1);
        Map<String, Object> kit = new LinkedHashMap<>();
        kit.put("name", "Guest Memory Conformance Kit");
        kit.put("version", report.kitVersion());
        kit.put("featuresSha256", report.featuresSha256());
        kit.put("catalogueSha256", report.catalogueSha256());
        root.put("kit", kit);
        Map<String, Object> adapter = new LinkedHashMap<>();
        report.adapter().ifPresent(a -> {
            adapter.put("name", a.name());
            adapter.put("version", a.version());
            adapter.put("implementationClass", a.implementationClass());
            adapter.put(
                    "declaredProfiles",
                    a.declaredProfiles().stream().map(Profile::id).toList());
            adapter.put("parameters", a.parameters());
            a.processes().ifPresent(p -> {
                Map<String, Object> processes = new LinkedHashMap<>();
                processes.put("command", p.command());
                processes.put("leftOut", p.leftOut());
                processes.put(
                        "processes",
                        p.processes().stream().map(ReportJson::process).toList());
                adapter.put("processes", processes);
            });
        });

        root.put("adapter", adapter);
        Map<String, Object> env = new LinkedHashMap<>(report.environment());
        env.put("startedAt", report.started().toString());
        env.put("finishedAt", report.finished().toString());
        root.put("environment", env);
        Map<String, Object> baseline = new LinkedHashMap<>();
        baseline.put(
                "file",
                report.baseline()
                        .file()
                        .map(p -> p.toString().replace('\\', '/'))
                        .orElse(null));
        baseline.put(
                "sha256",
                report.baseline().present()
                        ? KitSources.sha256(report.baseline().text().getBytes(StandardCharsets.UTF_8))
                        : null);
        List<Map<String, Object>> entries = new ArrayList<>();
        report.baseline().entries().forEach((id, why) -> entries.add(ordered("rule", id, "reason", why)));
        baseline.put("entries", entries);
        baseline.put("problems", report.baseline().problems());
        root.put("baseline", baseline);
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("verdict", report.outcome().label());
        outcome.put("conforming", report.conforming());
        outcome.put("accepted", report.accepted());
        outcome.put("headline", report.headline());
        outcome.put("unattributedFailures", report.unattributed());
        outcome.put("error", report.error().orElse(null));
        outcome.put("stoppedEarly", report.stoppedEarly().orElse(null));
        root.put("outcome", outcome);
        root.put("counts", counts(report, report.rules()));
        List<Map<String, Object>> profiles = new ArrayList<>();
        report.byProfile().forEach((profile, verdicts) -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", profile.id());
            p.put("parent", profile.parent().map(Profile::id).orElse(null));
            p.put("declared", report.declared().contains(profile));
            p.put("counts", counts(report, verdicts));
            profiles.add(p);
        });
        root.put("profiles", profiles);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (RuleVerdict v : report.rules()) {
            rules.add(rule(v));
        }
        root.put("rules", rules);
        root.put("resultsSha256", KitSources.sha256(COMPACT.writeValueAsBytes(rules)));
        return root;
    }

    private static Map<String, Object> rule(RuleVerdict v) {
        Rule rule = v.rule();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", rule.id());
        r.put("level", rule.level().name());
        r.put("profile", rule.profile().id());
        r.put("source", rule.source());
        r.put("statement", rule.statement());
        r.put("verdict", v.verdict().label());
        r.put("reason", v.reason());
        List<Map<String, Object>> scenarios = new ArrayList<>();
        for (ScenarioOutcome s : v.scenarios()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("file", "features/" + s.file());
            m.put("line", s.line());
            m.put("status", s.status());
            m.put("message", s.message());
            scenarios.add(m);
        }
        r.put("scenarios", scenarios);
        r.put("cases", v.evidence().cases().stream().map(EvidenceJson::tally).toList());
        r.put("models", v.evidence().models().stream().map(EvidenceJson::model).toList());
        return r;
    }

    private static Map<String, Object> counts(CertificationReport report, List<RuleVerdict> of) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("rules", of.size());
        report.counts(of).forEach((verdict, n) -> counts.put(verdict.label(), n));
        counts.put("scenarios", of.stream().mapToInt(r -> r.scenarios().size()).sum());
        counts.put("cases", CertificationReport.cases(of));
        counts.put("modelRuns", CertificationReport.modelRuns(of));
        return counts;
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static Map<String, Object> process(ProcessRecord r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("number", r.number());
        p.put("startedAt", r.started().toString());
        if (r.ended() != null) {
            p.put("endedAt", r.ended().toString());
        }
        p.put("end", r.end());
        p.put("requests", r.requests());
        p.put("stderr", r.stderr());
        p.put("stderrDropped", r.stderrDropped());
        return p;
    }
}
