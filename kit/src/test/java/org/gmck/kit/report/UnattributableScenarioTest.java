package org.gmck.kit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.gmck.kit.catalogue.FeatureIndex;
import org.gmck.spi.common.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certification never drops a scenario: one it cannot attribute to exactly one rule is named, and counts add up. */
class UnattributableScenarioTest {

    @Test
    void aScenarioWithoutARuleTagOrWithAnUnknownRuleIsNamed(@TempDir Path features) throws IOException {
        Files.writeString(
                features.resolve("f.feature"),
                String.join(
                        "\n",
                        "@profile:pgm-modes",
                        "Feature: f",
                        "  @PGM-MODE-1",
                        "  Scenario: attributed",
                        "    Given nothing",
                        "  Scenario: without a rule",
                        "    Given nothing",
                        "  @PGM-NOPE-9",
                        "  Scenario: an unknown rule",
                        "    Given nothing",
                        "  @PGM-MODE-1",
                        "  Scenario Outline: an outline <n>",
                        "    Given <n>",
                        "    Examples:",
                        "      | n |",
                        "      | 1 |",
                        "      | 2 |",
                        ""));
        FeatureIndex index = FeatureIndex.read(features);
        List<String> problems = KitSources.unattributable(index);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(
                problems.get(0).contains("without a rule") && problems.get(0).contains("has 0 and 1"), problems.get(0));
        assertTrue(problems.get(1).contains("@PGM-NOPE-9"), problems.get(1));
        assertEquals(
                5, index.entries().stream().mapToInt(FeatureIndex.Entry::runs).sum());
    }

    @Test
    void theBundledSuiteHasNoUnattributableScenario() {
        assertEquals(List.of(), KitSources.onClassPath().unattributable());
        assertTrue(KitSources.onClassPath().scenarioCount(Set.of(Profile.values())) > 2000);
    }
}
