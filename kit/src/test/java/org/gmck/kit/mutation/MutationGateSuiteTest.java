package org.gmck.kit.mutation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.gmck.kit.certify.ConformanceSuite;
import org.gmck.kit.certify.FeatureFileChecks;
import org.gmck.kit.report.KitSources;
import org.junit.jupiter.api.Test;
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
        assertEquals(49, FeatureFileChecks.featureFiles().count(), "the features folder's files");
    }
}
