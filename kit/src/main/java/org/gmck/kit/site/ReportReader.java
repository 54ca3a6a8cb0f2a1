package org.gmck.kit.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads certification reports ({@code report.json}) into what the site shows of each. */
public final class ReportReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> slugs = new HashSet<>();

    /** Reads one report; each report read by this reader gets a slug of its own. */
    public Certified read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + " cannot be read", e);
        }
        return read(text);
    }

    /** Reads one report from its text. */
    public Certified read(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a report: " + e.getMessage(), e);
        }
        if (!root.path("rules").isArray()) {
            throw new IllegalArgumentException("not a certification report: it has no rules");
        }
        JsonNode adapter = root.path("adapter");
        String name = adapter.path("name").asText("no adapter");
        String version = adapter.path("version").asText("");
        List<String> declared = new ArrayList<>();
        adapter.path("declaredProfiles").forEach(p -> declared.add(p.asText()));
        Map<String, Certified.Result> rules = new LinkedHashMap<>();
        for (JsonNode rule : root.path("rules")) {
            List<Certified.Failing> failing = new ArrayList<>();
            for (JsonNode s : rule.path("scenarios")) {
                if (s.path("status").asText().equals("failed")) {
                    failing.add(new Certified.Failing(
                            s.path("name").asText(),
                            s.path("file").asText(),
                            s.path("line").asLong(),
                            s.path("message").asText("")));
                }
            }
            rules.put(
                    rule.path("id").asText(),
                    new Certified.Result(
                            rule.path("verdict").asText(), rule.path("reason").asText(""), failing));
        }
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (JsonNode profile : root.path("profiles")) {
            Map<String, Integer> c = new LinkedHashMap<>();
            profile.path("counts")
                    .properties()
                    .forEach(e -> c.put(e.getKey(), e.getValue().asInt()));
            counts.put(profile.path("id").asText(), c);
        }
        Map<String, String> baseline = new LinkedHashMap<>();
        root.path("baseline")
                .path("entries")
                .forEach(e ->
                        baseline.put(e.path("rule").asText(), e.path("reason").asText("")));
        JsonNode outcome = root.path("outcome");
        return new Certified(
                slug(name),
                name,
                version,
                outcome.path("verdict").asText(""),
                outcome.path("headline").asText(""),
                declared,
                rules,
                counts,
                baseline,
                text);
    }

    private String slug(String name) {
        String base =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (base.isEmpty()) {
            base = "implementation";
        }
        String slug = base;
        for (int n = 2; !slugs.add(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
