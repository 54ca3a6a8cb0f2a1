package org.gmck.kit.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cases and model runs as JSON objects: one shape for the report ({@code report.json}'s {@code cases} and
 * {@code models}) and for the report entries that carry them from a check to the run.
 */
public final class EvidenceJson {

    private EvidenceJson() {}

    /** A tally of cases. */
    public static Map<String, Object> tally(CaseTally t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", t.source());
        m.put("ran", t.ran());
        m.put("failed", t.failed());
        m.put("notAskable", t.notAskable());
        List<Map<String, Object>> first = new ArrayList<>();
        for (CaseTally.FailedCase f : t.first()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", f.id());
            c.put("difference", f.difference());
            first.add(c);
        }
        m.put("firstFailures", first);
        return m;
    }

    /** A model run. */
    public static Map<String, Object> model(ModelEvidence e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", e.model());
        m.put("variant", e.variant());
        m.put("depth", e.depth());
        m.put("seed", e.seed());
        m.put("sequences", e.sequences());
        m.put("steps", e.steps());
        e.failure().ifPresent(f -> {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("difference", f.difference());
            failure.put("operations", f.operations());
            failure.put("scenario", f.gherkin());
            m.put("failure", failure);
        });
        return m;
    }

    /** Reads what {@link #tally} wrote. */
    public static CaseTally tally(JsonNode n) {
        List<CaseTally.FailedCase> first = new ArrayList<>();
        n.path("firstFailures")
                .forEach(f -> first.add(new CaseTally.FailedCase(
                        f.path("id").asText(), f.path("difference").asText())));
        return new CaseTally(
                n.path("source").asText(),
                n.path("ran").asInt(),
                n.path("failed").asInt(),
                n.path("notAskable").asInt(),
                first);
    }

    /** Reads what {@link #model} wrote. */
    public static ModelEvidence model(JsonNode n) {
        JsonNode f = n.path("failure");
        Optional<ModelEvidence.Counterexample> failure = f.isMissingNode()
                ? Optional.empty()
                : Optional.of(new ModelEvidence.Counterexample(
                        f.path("difference").asText(),
                        f.path("operations").asInt(),
                        f.path("scenario").asText()));
        return new ModelEvidence(
                n.path("model").asText(),
                n.path("variant").asText(),
                n.path("depth").asText(),
                n.path("seed").asLong(),
                n.path("sequences").asInt(),
                n.path("steps").asLong(),
                failure);
    }
}
