package org.gmck.kit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.gmck.kit.AdapterRuns;
import org.gmck.spi.ConformanceAdapter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every model speaks the kit's Gherkin: random sequences of each model, written out as scenarios with every
 * step the model took and Then-steps asserting the whole state it expects, replay through the step
 * definitions against the reference and pass. So a disagreement a model finds in any implementation can be
 * pasted into a feature and replayed, and a step that does something other than what the model did is
 * caught here.
 */
class ModelVocabularyTest {

    private static final int SEQUENCES = 4;
    private static final int LENGTH = 30;

    @TestFactory
    Stream<DynamicTest> everyModelsSequencesReplayAsScenarios() {
        ConformanceAdapter reference = AdapterRuns.current().selected();
        return ModelSpecs.all().stream()
                .flatMap(spec -> spec.variants(reference).stream()
                        .map(variant -> DynamicTest.dynamicTest(
                                spec.name() + " (" + variant + ")", () -> replays(spec, variant, reference))));
    }

    private static <O> void replays(ModelSpec<O> spec, String variant, ConformanceAdapter reference) {
        String rule = new TreeSet<>(spec.rules()).first();
        List<String> scenarios = new ArrayList<>();
        qt().withFixedSeed(20261204L)
                .withExamples(SEQUENCES)
                .forAll(lists().of(spec.operations(variant)).ofSizeBetween(LENGTH / 2, LENGTH))
                .check(ops -> {
                    ModelSession<O> session = spec.start(reference, variant);
                    List<String> steps = new ArrayList<>();
                    for (O op : ops) {
                        Step step = session.apply(op);
                        assertEquals(
                                java.util.Optional.empty(),
                                step.disagreement(),
                                "the reference disagrees with the " + spec.name() + " model on " + op + " after "
                                        + steps);
                        step.gherkin().ifPresent(steps::add);
                    }
                    scenarios.add(ScenarioText.write(
                            rule,
                            spec.name() + " model, " + variant + ", sequence " + (scenarios.size() + 1),
                            session.setup(),
                            steps,
                            session.checks()));
                    return true;
                });
        String feature = ScenarioText.feature("Replayed " + spec.name() + " sequences", scenarios);
        List<ScenarioReplay.Outcome> outcomes = ScenarioReplay.replay(
                feature, reference, Path.of("target", "model-vocabulary", spec.name() + "-" + variant));
        assertEquals(scenarios.size(), outcomes.size(), "scenarios replayed:\n" + feature);
        List<ScenarioReplay.Outcome> failed =
                outcomes.stream().filter(o -> !o.passed()).toList();
        assertTrue(
                failed.isEmpty(),
                () -> "replayed " + spec.name() + " sequences fail against the reference: " + failed + "\n" + feature);
    }
}
