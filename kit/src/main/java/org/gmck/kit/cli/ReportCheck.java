package org.gmck.kit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gmck.kit.report.KitSources;
import org.gmck.kit.report.Verdict;

/**
 * Checks a certification report: that it matches the report schema, that it was made by this kit (its
 * version and the digests of its features and catalogue), that its results digest matches its rules, and
 * that its counts add up. Each problem is one line naming the field.
 */
final class ReportCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String schema;
    private final KitSources kit;

    ReportCheck(String schema, KitSources kit) {
        this.schema = schema;
        this.kit = kit;
    }

    /** The report's problems; empty when it is valid and from this kit. */
    List<String> problems(String text) {
        JsonNode report;
        try {
            report = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        Schema compiled = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(schema, InputFormat.JSON);
        List<String> problems = new ArrayList<>(compiled.validate(text, InputFormat.JSON).stream()
                .map(error -> "schema: " + error.getInstanceLocation() + ": " + error.getMessage())
                .toList());
        if (!problems.isEmpty()) {
            return problems;
        }
        same(problems, report, "/kit/version", kit.version(), "this kit's version");
        same(problems, report, "/kit/featuresSha256", kit.featuresSha256(), "this kit's features");
        same(problems, report, "/kit/catalogueSha256", kit.catalogueSha256(), "this kit's catalogue");
        same(problems, report, "/resultsSha256", resultsSha256(report.at("/rules")), "the digest of its rules");
        counts(problems, "/counts", report.at("/counts"), rulesOf(report, null));
        for (JsonNode profile : report.at("/profiles")) {
            String id = profile.at("/id").asText();
            counts(problems, "/profiles[" + id + "]/counts", profile.at("/counts"), rulesOf(report, id));
        }
        return problems;
    }

    private static void same(List<String> problems, JsonNode report, String field, String expected, String what) {
        String found = report.at(field).asText();
        if (!found.equals(expected)) {
            problems.add(field + " is " + found + ", not " + what + " (" + expected + ")");
        }
    }

    /** The digest a report gives its rules: SHA-256 of their compact JSON. */
    static String resultsSha256(JsonNode rules) {
        try {
            return KitSources.sha256(JSON.writeValueAsBytes(rules));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> rulesOf(JsonNode report, String profile) {
        List<JsonNode> rules = new ArrayList<>();
        for (JsonNode rule : report.at("/rules")) {
            if (profile == null || rule.at("/profile").asText().equals(profile)) {
                rules.add(rule);
            }
        }
        return rules;
    }

    /** Compares the counts a report gives with those of its rules. */
    private static void counts(List<String> problems, String where, JsonNode counts, List<JsonNode> rules) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("rules", rules.size());
        for (Verdict v : Verdict.values()) {
            expected.put(v.label(), (int) rules.stream()
                    .filter(r -> r.at("/verdict").asText().equals(v.label()))
                    .count());
        }
        expected.put(
                "scenarios",
                rules.stream().mapToInt(r -> r.at("/scenarios").size()).sum());
        expected.put(
                "cases",
                rules.stream()
                        .flatMap(r -> stream(r.at("/cases")))
                        .mapToInt(c -> c.at("/ran").asInt())
                        .sum());
        expected.put(
                "modelRuns",
                rules.stream().mapToInt(r -> r.at("/models").size()).sum());
        expected.forEach((key, n) -> {
            JsonNode given = counts.get(key);
            if (given == null || !Objects.equals(given.asInt(), n)) {
                problems.add(where + "/" + key + " is " + (given == null ? "missing" : given.asText()) + ", but the"
                        + " rules it counts add up to " + n);
            }
        });
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }
}
