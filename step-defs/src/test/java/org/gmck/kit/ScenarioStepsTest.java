package org.gmck.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioStepsTest {

    private static final String FEATURE = String.join(
            "\n",
            "Feature: steps",
            "",
            "  Background:",
            "    Given a GMM",
            "",
            "  Scenario: plain",
            "    When VM A frees page 3",
            "    Then nothing has changed",
            "",
            "  Scenario Outline: outline",
            "    When <action>",
            "    Then <check>",
            "",
            "    Examples:",
            "      | action          | check               |",
            "      | VM A frees 1    | nothing has changed |",
            "      | VM A allocates  | the call succeeds   |",
            "",
            "  Rule: a rule",
            "",
            "    Scenario: in a rule",
            "      When VM B frees page 1",
            "      Then the call succeeds",
            "");

    @Test
    void eachScenarioAndExampleRowHasItsStepsByTheLineCucumberReports() {
        Map<Integer, Set<String>> steps = ScenarioSteps.parse("test.feature", FEATURE.getBytes(StandardCharsets.UTF_8));
        assertEquals(Set.of("a GMM", "VM A frees page 3", "nothing has changed"), steps.get(6));
        assertEquals(Set.of("a GMM", "VM A frees 1", "nothing has changed"), steps.get(16));
        assertEquals(Set.of("a GMM", "VM A allocates", "the call succeeds"), steps.get(17));
        assertEquals(Set.of("a GMM", "VM B frees page 1", "the call succeeds"), steps.get(21));
        assertEquals(Set.of(6, 16, 17, 21), steps.keySet(), "an outline's own line is not a scenario that runs");
    }

    @Test
    void aFileIsReadFromItsUri(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("steps.feature"), FEATURE);
        Optional<Set<String>> row = ScenarioSteps.of(file.toUri(), 17);
        assertEquals(Optional.of(Set.of("a GMM", "VM A allocates", "the call succeeds")), row);
        assertEquals(Optional.empty(), ScenarioSteps.of(file.toUri(), 5), "no scenario at line 5");
    }

    @Test
    void aFileWrittenAgainIsReadAgain(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("replay.feature"), FEATURE);
        assertEquals(
                Optional.of(Set.of("a GMM", "VM A frees page 3", "nothing has changed")),
                ScenarioSteps.of(file.toUri(), 6));
        Files.writeString(file, FEATURE.replace("VM A frees page 3", "VM A frees page 4"));
        assertEquals(
                Optional.of(Set.of("a GMM", "VM A frees page 4", "nothing has changed")),
                ScenarioSteps.of(file.toUri(), 6));
    }

    @Test
    void aFileThatCannotBeReadHasNoKnownSteps() {
        assertEquals(Optional.empty(), ScenarioSteps.of(URI.create("classpath:no/such.feature"), 1));
        assertEquals(Optional.empty(), ScenarioSteps.of(URI.create("file:/no/such/folder/x.feature"), 1));
        assertEquals(Optional.empty(), ScenarioSteps.of(URI.create("http://example.org/x.feature"), 1));
    }

    @Test
    void aScenarioWhoseStepsAreUnknownHasEveryStep() {
        ScenarioContext context = new ScenarioContext();
        assertTrue(context.hasStep("nothing has changed"), "before the steps are known");
        context.steps(Optional.of(Set.of("the call succeeds")));
        assertFalse(context.hasStep("nothing has changed"));
        assertTrue(context.hasStep("the call succeeds"));
        assertTrue(context.hasStep("nothing has changed", "the call succeeds"), "one of them");
        assertFalse(context.hasStep("nothing has changed", "the call fails"));
        context.steps(Optional.empty());
        assertTrue(context.hasStep("nothing has changed"));
    }
}
