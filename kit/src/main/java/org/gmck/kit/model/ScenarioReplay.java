package org.gmck.kit.model;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gmck.kit.AdapterRun;
import org.gmck.kit.AdapterRuns;
import org.gmck.kit.catalogue.Rule;
import org.gmck.spi.ConformanceAdapter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Replays Gherkin text, for example a disagreement a model-based run wrote out, through the kit's own step
 * definitions against an adapter, exactly as a feature file of the suite runs.
 */
public final class ScenarioReplay {

    private ScenarioReplay() {}

    /**
     * One replayed scenario.
     *
     * @param name    the scenario's name
     * @param rule    its rule tag
     * @param status  how it ended
     * @param message the failure or skip message, empty when it passed
     */
    public record Outcome(String name, String rule, TestExecutionResult.Status status, String message) {

        public boolean passed() {
            return status == TestExecutionResult.Status.SUCCESSFUL;
        }
    }

    /** Writes {@code feature} into {@code folder} and runs it against {@code adapter}. */
    public static List<Outcome> replay(String feature, ConformanceAdapter adapter, Path folder) {
        AdapterRun run = AdapterRun.of(adapter);
        AdapterRuns.Binding open = run.bind();
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve("replay.feature");
            Files.writeString(file, feature, StandardCharsets.UTF_8);
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectFile(file.toFile()))
                    .filters(includeEngines("cucumber"))
                    .configurationParameters(Map.of(
                            "cucumber.glue",
                            "org.gmck.kit.steps",
                            "cucumber.publish.quiet",
                            "true",
                            "cucumber.junit-platform.discovery.as-root-engine",
                            "true",
                            "cucumber.plugin",
                            "pretty",
                            AdapterRuns.PARAMETER,
                            run.id()))
                    .build();
            List<Outcome> outcomes = new ArrayList<>();
            LauncherFactory.create().execute(request, new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                    if (!id.isTest() && result.getStatus() == TestExecutionResult.Status.FAILED) {
                        // the run failed before its scenario (the adapter could not be chosen, say): say why
                        outcomes.add(new Outcome(
                                id.getDisplayName(),
                                "",
                                result.getStatus(),
                                result.getThrowable()
                                        .map(t -> t.getClass().getName() + ": " + t.getMessage())
                                        .orElse("")));
                    }
                    if (id.isTest()) {
                        String rule = id.getTags().stream()
                                .map(TestTag::getName)
                                .filter(t -> Rule.ID.matcher(t).matches())
                                .findFirst()
                                .orElse("");
                        outcomes.add(new Outcome(
                                id.getDisplayName(),
                                rule,
                                result.getStatus(),
                                result.getThrowable()
                                        .map(t -> String.valueOf(t.getMessage()))
                                        .orElse("")));
                    }
                }
            });
            return outcomes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            open.close();
        }
    }
}
