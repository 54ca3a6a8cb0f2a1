package org.gmck.kit.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
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

    private EvidenceEntries() {}

    /** One piece of evidence about one rule. */
    public sealed interface Entry permits Cases, Model {
        String rule();
    }

    /** Data cases of one source, for one rule. */
    public record Cases(String rule, CaseTally tally) implements Entry {}

    /** A model-based run, for one rule. */
    public record Model(String rule, ModelEvidence evidence) implements Entry {}

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
            m.put("evidence", EvidenceJson.tally(c.tally()));
        } else if (entry instanceof Model md) {
            m.put("kind", "model");
            m.put("evidence", EvidenceJson.model(md.evidence()));
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
                case "cases":
                    return Optional.of(new Cases(rule, EvidenceJson.tally(n.path("evidence"))));
                case "model":
                    return Optional.of(new Model(rule, EvidenceJson.model(n.path("evidence"))));
                default:
                    return Optional.empty();
            }
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
