package org.gmck.kit;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Examples;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleStep;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.TableRow;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The steps of a running scenario, read from its feature file: a world that would otherwise prepare, before
 * every action, for a check a later step might make (the snapshot a "nothing has changed" step compares with)
 * prepares only when the scenario has that step. A feature file on the class path is parsed once per JVM, a
 * file on disk again whenever its bytes change. Where a scenario's file cannot be read, its steps are unknown
 * and a world prepares for every check, as if they were all there.
 */
public final class ScenarioSteps {

    /** A file's bytes, and the step texts of each of its scenarios (each example row of an outline) by line. */
    private record Parsed(byte[] text, Map<Integer, Set<String>> steps) {}

    /** The files read so far. */
    private static final Map<URI, Parsed> FILES = new ConcurrentHashMap<>();

    private ScenarioSteps() {}

    /**
     * The texts of the steps (keywords left out, an outline's placeholders filled in) of the scenario at
     * {@code line} of {@code uri}, as Cucumber's {@code Scenario.getUri()} and {@code getLine()} name it; empty
     * where the file cannot be read or has no scenario there. A feature file on the class path is read once per
     * JVM; a file on disk is read again each time and parsed again when its bytes changed (the kit writes
     * counterexamples to the same file one after the other).
     */
    public static Optional<Set<String>> of(URI uri, int line) {
        Parsed known = FILES.get(uri);
        if (known != null && "classpath".equals(uri.getScheme())) {
            return Optional.ofNullable(known.steps().get(line));
        }
        byte[] text = read(uri);
        if (text == null) {
            return Optional.empty();
        }
        if (known == null || !Arrays.equals(known.text(), text)) {
            Map<Integer, Set<String>> steps;
            try {
                steps = parse(uri.toString(), text);
            } catch (RuntimeException notGherkin) {
                steps = Map.of();
            }
            known = new Parsed(text, steps);
            FILES.put(uri, known);
        }
        return Optional.ofNullable(known.steps().get(line));
    }

    /** The file's bytes, or null where it cannot be read. */
    private static byte[] read(URI uri) {
        try {
            if ("classpath".equals(uri.getScheme())) {
                String resource = uri.getSchemeSpecificPart().replaceFirst("^/", "");
                try (InputStream in =
                        Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                    return in == null ? null : in.readAllBytes();
                }
            }
            if ("file".equals(uri.getScheme())) {
                return Files.readAllBytes(Path.of(uri));
            }
            return null;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** Each pickle's steps, by the line of the last syntax node it comes from (an outline's example row). */
    static Map<Integer, Set<String>> parse(String uri, byte[] text) {
        List<Envelope> envelopes = GherkinParser.builder()
                .includeSource(false)
                .build()
                .parse(uri, text)
                .toList();
        Map<String, Integer> lines = new HashMap<>();
        envelopes.stream()
                .map(Envelope::getGherkinDocument)
                .flatMap(Optional::stream)
                .map(GherkinDocument::getFeature)
                .flatMap(Optional::stream)
                .forEach(f -> f.getChildren().forEach(c -> addLines(c, lines)));
        Map<Integer, Set<String>> steps = new HashMap<>();
        envelopes.stream().map(Envelope::getPickle).flatMap(Optional::stream).forEach(p -> {
            Integer line = lines.get(p.getAstNodeIds().get(p.getAstNodeIds().size() - 1));
            if (line != null) {
                steps.put(line, texts(p));
            }
        });
        return Map.copyOf(steps);
    }

    private static void addLines(FeatureChild child, Map<String, Integer> lines) {
        child.getScenario().ifPresent(s -> addLines(s, lines));
        child.getRule()
                .ifPresent(r -> r.getChildren().forEach(rc -> rc.getScenario().ifPresent(s -> addLines(s, lines))));
    }

    private static void addLines(Scenario scenario, Map<String, Integer> lines) {
        lines.put(scenario.getId(), scenario.getLocation().getLine().intValue());
        for (Examples examples : scenario.getExamples()) {
            for (TableRow row : examples.getTableBody()) {
                lines.put(row.getId(), row.getLocation().getLine().intValue());
            }
        }
    }

    private static Set<String> texts(Pickle pickle) {
        return pickle.getSteps().stream().map(PickleStep::getText).collect(Collectors.toUnmodifiableSet());
    }
}
