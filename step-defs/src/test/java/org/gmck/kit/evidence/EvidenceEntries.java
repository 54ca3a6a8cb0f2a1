package org.gmck.kit.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.TestReporter;

/**
 * How a check that is not a scenario hands its evidence to the run: as JUnit report entries (key
 * {@value #KEY}, a JSON value), which the certification listener collects. A check published this way
 * works the same in a certification run, in Surefire and under PIT, and needs no shared state.
 */
public final class EvidenceEntries {

    /** The report-entry key of one piece of evidence. */
    public static final String KEY = "gmck.evidence";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvidenceEntries() {
    }

    /** One piece of evidence about one rule. */
    public sealed interface Entry permits Cases, Model {
        String rule();
    }

    /** Data cases of one source, for one rule. */
    public record Cases(String rule, CaseTally tally) implements Entry {
    }

    /** A model-based run, for one rule. */
    public record Model(String rule, ModelEvidence evidence) implements Entry {
    }

    /** Publishes a tally of cases for a rule. */
    public static void publish(TestReporter reporter, String rule, CaseTally tally) {
        reporter.publishEntry(KEY, write(new Cases(rule, tally)));
    }

    /** Publishes a model-based run's evidence for a rule. */
    public static void publish(TestReporter reporter, String rule, ModelEvidence evidence) {
        reporter.publishEntry(KEY, write(new Model(rule, evidence)));
    }

    static String write(Entry entry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", entry.rule());
        if (entry instanceof Cases c) {
            m.put("kind", "cases");
            CaseTally t = c.tally();
            m.put("source", t.source());
            m.put("ran", t.ran());
            m.put("failed", t.failed());
            m.put("notAskable", t.notAskable());
            List<Map<String, Object>> first = new ArrayList<>();
            t.first().forEach(f -> first.add(Map.of("id", f.id(), "difference", f.difference())));
            m.put("first", first);
        } else if (entry instanceof Model md) {
            m.put("kind", "model");
            ModelEvidence e = md.evidence();
            m.put("model", e.model());
            m.put("variant", e.variant());
            m.put("depth", e.depth());
            m.put("seed", e.seed());
            m.put("sequences", e.sequences());
            m.put("steps", e.steps());
            e.failure().ifPresent(f -> m.put("failure", Map.of("difference", f.difference(), "operations", f.operations(),
                    "gherkin", f.gherkin())));
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads an entry written by {@link #publish}; empty for a value that is not one. */
    public static Optional<Entry> read(String value) {
        try {
            JsonNode n = JSON.readTree(value);
            String rule = n.path("rule").asText();
            switch (n.path("kind").asText()) {
                case "cases": {
                    List<CaseTally.FailedCase> first = new ArrayList<>();
                    n.path("first").forEach(f -> first.add(new CaseTally.FailedCase(f.path("id").asText(),
                            f.path("difference").asText())));
                    return Optional.of(new Cases(rule, new CaseTally(n.path("source").asText(), n.path("ran").asInt(),
                            n.path("failed").asInt(), n.path("notAskable").asInt(), first)));
                }
                case "model": {
                    JsonNode f = n.path("failure");
                    Optional<ModelEvidence.Counterexample> failure = f.isMissingNode() ? Optional.empty()
                            : Optional.of(new ModelEvidence.Counterexample(f.path("difference").asText(),
                                    f.path("operations").asInt(), f.path("gherkin").asText()));
                    return Optional.of(new Model(rule, new ModelEvidence(n.path("model").asText(), n.path("variant").asText(),
                            n.path("depth").asText(), n.path("seed").asLong(), n.path("sequences").asInt(),
                            n.path("steps").asLong(), failure)));
                }
                default:
                    return Optional.empty();
            }
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
