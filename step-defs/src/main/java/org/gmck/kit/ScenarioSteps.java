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
 * prepares only when the scenario has that step. Each file is read once per JVM. Where a scenario's file cannot
 * be read, its steps are unknown and a world prepares for every check, as if they were all there.
 */
public final class ScenarioSteps {

    /** The step texts of each scenario (each example row of an outline) of a file, by the line Cucumber reports. */
    private static final Map<URI, Map<Integer, Set<String>>> FILES = new ConcurrentHashMap<>();

    private ScenarioSteps() {}

    /**
     * The texts of the steps (keywords left out, an outline's placeholders filled in) of the scenario at
     * {@code line} of {@code uri}, as Cucumber's {@code Scenario.getUri()} and {@code getLine()} name it; empty
     * where the file cannot be read or has no scenario there.
     */
    public static Optional<Set<String>> of(URI uri, int line) {
        return Optional.ofNullable(
                FILES.computeIfAbsent(uri, ScenarioSteps::read).get(line));
    }

    private static Map<Integer, Set<String>> read(URI uri) {
        try (InputStream in = open(uri)) {
            return in == null ? Map.of() : parse(uri.toString(), in.readAllBytes());
        } catch (IOException | RuntimeException unreadable) {
            return Map.of();
        }
    }

    private static InputStream open(URI uri) throws IOException {
        if ("classpath".equals(uri.getScheme())) {
            String resource = uri.getSchemeSpecificPart().replaceFirst("^/", "");
            return Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        }
        if ("file".equals(uri.getScheme())) {
            return Files.newInputStream(Path.of(uri));
        }
        return null;
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
