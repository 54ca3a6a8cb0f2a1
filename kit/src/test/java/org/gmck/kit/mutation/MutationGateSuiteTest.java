package org.gmck.kit.mutation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.gmck.kit.certify.CheckSettings;
import org.gmck.kit.certify.ConformanceSuite;
import org.gmck.kit.certify.FeatureFileChecks;
import org.gmck.kit.report.KitSources;
import org.gmck.spi.common.Profile;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.SelectPackages;

/**
 * The mutation gate runs what a certification runs: the same checks, and every feature file, split into one
 * suite per domain whose profiles together are every profile, each once.
 */
class MutationGateSuiteTest {

    /** The suites PIT runs (its targetTests in kit/pom.xml: every class of this package whose name ends in Gate). */
    static final List<Class<? extends MutationGateSuite>> GATES =
            List.of(X86Gate.class, PgmGate.class, GmmGate.class, MonitorGate.class, LargePageGate.class);

    private static Set<Profile> profilesOf(Class<?> gate) {
        String ids = gate.getAnnotation(ConfigurationParameter.class).value();
        assertEquals(
                CheckSettings.PROFILES,
                gate.getAnnotation(ConfigurationParameter.class).key());
        return CheckSettings.from(k -> k.equals(CheckSettings.PROFILES) ? Optional.of(ids) : Optional.empty())
                .profiles()
                .orElseThrow();
    }

    @Test
    void eachGateHoldsTheProfilesOfOneDomainAndTogetherEveryProfileOnce() {
        Set<Profile> all = EnumSet.noneOf(Profile.class);
        Set<String> domains = new TreeSet<>();
        for (Class<?> gate : GATES) {
            Set<Profile> mine = profilesOf(gate);
            Set<String> domain = mine.stream().map(FeatureFileChecks::domainOf).collect(Collectors.toSet());
            assertEquals(1, domain.size(), gate.getSimpleName() + " spans domains " + domain);
            Set<Profile> ofDomain = EnumSet.noneOf(Profile.class);
            Arrays.stream(Profile.values())
                    .filter(p -> domain.contains(FeatureFileChecks.domainOf(p)))
                    .forEach(ofDomain::add);
            assertEquals(ofDomain, mine, gate.getSimpleName() + " leaves out a profile of its domain");
            assertTrue(domains.addAll(domain), gate.getSimpleName() + " repeats a domain");
            all.addAll(mine);
        }
        assertEquals(EnumSet.allOf(Profile.class), all);
    }

    @Test
    void theGatesTogetherCheckEveryFeatureFileOnce() {
        List<String> together = GATES.stream()
                .flatMap(g -> FeatureFileChecks.featureFiles(Optional.of(profilesOf(g))))
                .sorted()
                .toList();
        assertEquals(FeatureFileChecks.featureFiles().sorted().toList(), together);
    }

    /**
     * Run as PIT runs it, a gate checks its own domain's files and model-based runs; the checks of other
     * domains stop at once as not applicable.
     */
    @Test
    void aGateRunsOnlyItsOwnDomainsChecks() {
        List<String> passed = new ArrayList<>();
        List<String> other = new ArrayList<>();
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(DiscoverySelectors.selectClass(MonitorGate.class))
                                .configurationParameter(CheckSettings.DEPTH, "quick")
                                .configurationParameter(CheckSettings.SHRINK, "false")
                                .configurationParameter("gmck.cucumber-reports", "false")
                                .build(),
                        new TestExecutionListener() {
                            @Override
                            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                                if (id.isTest()) {
                                    if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                                        passed.add(id.getDisplayName());
                                    } else {
                                        other.add(id.getDisplayName() + " " + result.getStatus());
                                    }
                                }
                            }
                        });
        assertEquals(
                List.of(
                        "monitor/monitor-descriptor-tables.feature",
                        "monitor/monitor-page-tables.feature",
                        "model-based run: monitor"),
                passed);
        assertTrue(
                other.stream().allMatch(t -> t.endsWith(" ABORTED")),
                "a check of another domain did more than stop: " + other);
    }

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
        for (Class<?> gate : GATES) {
            assertEquals(MutationGateSuite.class, gate.getSuperclass(), gate.getSimpleName());
        }
        assertEquals(
                GATES.stream().map(Class::getName).sorted().toList(),
                org.junit.platform.commons.support.ReflectionSupport.findAllClassesInPackage(
                                "org.gmck.kit.mutation", c -> c.getSimpleName().endsWith("Gate"), n -> true)
                        .stream()
                        .map(Class::getName)
                        .sorted()
                        .toList(),
                "the classes PIT's targetTests pattern (org.gmck.kit.mutation.*Gate) selects");
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
