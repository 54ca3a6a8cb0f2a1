package org.gmck.kit.mutation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.gmck.kit.certify.ConformanceSuite;
import org.gmck.kit.certify.FeatureFileChecks;
import org.gmck.kit.report.KitSources;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.SelectPackages;

/** The mutation gate runs what a certification runs: the same checks, and every feature file. */
class MutationGateSuiteTest {

    @Test
    void theGateRunsEveryCheckOfTheConformanceSuiteAndItsScenariosByFile() {
        List<Class<?>> expected = new ArrayList<>();
        expected.add(FeatureFileChecks.class);
        expected.addAll(List.of(
                ConformanceSuite.class.getAnnotation(SelectClasses.class).value()));
        assertEquals(
                expected,
                List.of(MutationGateSuite.class
                        .getAnnotation(SelectClasses.class)
                        .value()));
        assertArrayEquals(
                new String[] {"features"},
                ConformanceSuite.class.getAnnotation(SelectPackages.class).value());
    }

    @Test
    void everyFeatureFileIsOneCheck() {
        assertEquals(
                KitSources.onClassPath().featureFiles().keySet().stream().toList(),
                FeatureFileChecks.featureFiles().toList());
        assertEquals(50, FeatureFileChecks.featureFiles().count(), "the features folder's files");
    }

    /**
     * Each file's scenarios run with the step definitions of its own domain only: a dry run of every folder with
     * that glue finds a definition for every step (an undefined step fails the dry run).
     */
    @Test
    void everyStepOfAFolderIsDefinedInItsDomainsGlue() {
        Map<String, List<String>> byFolder = FeatureFileChecks.featureFiles()
                .collect(Collectors.groupingBy(f -> f.substring(0, f.indexOf('/')), TreeMap::new, Collectors.toList()));
        assertEquals(List.of("gmm", "largepage", "monitor", "pgm", "x86"), List.copyOf(byFolder.keySet()));
        for (String folder : byFolder.keySet()) {
            FeatureFileChecks.Outcome dryRun = FeatureFileChecks.run(
                    DiscoverySelectors.selectPackage("features." + folder),
                    FeatureFileChecks.glueOf(folder + "/any.feature"),
                    Map.of("cucumber.execution.dry-run", "true"));
            assertTrue(dryRun.ran() > 0, folder + ": the dry run found no scenario");
            assertEquals(List.of(), dryRun.failed(), folder + ": steps without a definition in its glue");
        }
    }
}
