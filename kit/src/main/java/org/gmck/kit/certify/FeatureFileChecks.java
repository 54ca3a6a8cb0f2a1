package org.gmck.kit.certify;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gmck.kit.report.KitSources;
import org.gmck.spi.common.Profile;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.suite.api.ConfigurationParameter;

/**
 * The scenarios of {@link ConformanceSuite}, one check per feature file: the file's scenarios run together
 * through the Cucumber engine, and the check fails when any of them fails, naming each one that did.
 *
 * <p>The mutation gate runs the scenarios this way. A file fails exactly when one of its scenarios fails, so a
 * mutant is detected by the same scenarios as in a certification; but Cucumber starts once a file instead of
 * once a scenario (its start, which prepares every step definition, costs far more than most scenarios), and a
 * mutant no scenario detects is tried with a few dozen files instead of hundreds of scenarios.
 * Certification itself runs the scenarios one by one, since its report is per scenario.
 *
 * <p>A run restricted to some profiles ({@link CheckSettings#PROFILES}) has a check for each file of their
 * domains only, so that a run of one domain's checks does not start Cucumber for the other domains' files.
 */
public class FeatureFileChecks {

    private static final String STEPS = "org.gmck.kit.steps";
    private static final String AS_ROOT_ENGINE = "cucumber.junit-platform.discovery.as-root-engine";

    /** Every feature file of the kit, by path below the features folder. */
    public static Stream<String> featureFiles() {
        return KitSources.onClassPath().featureFiles().keySet().stream();
    }

    /**
     * The feature files of a run restricted to {@code profiles} (see {@link CheckSettings#PROFILES}): those in
     * the folders of the profiles' domains, or every file when the run is not restricted.
     */
    public static Stream<String> featureFiles(Optional<Set<Profile>> profiles) {
        Optional<Set<String>> domains =
                profiles.map(p -> p.stream().map(FeatureFileChecks::domainOf).collect(Collectors.toSet()));
        return featureFiles()
                .filter(file -> domains.map(
                                d -> folderOf(file).filter(d::contains).isPresent())
                        .orElse(true));
    }

    /** The folder of {@code features/} a file sits in, which is its domain; empty for a file at the top. */
    private static Optional<String> folderOf(String file) {
        int slash = file.indexOf('/');
        return slash < 0 ? Optional.empty() : Optional.of(file.substring(0, slash));
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(FilesOfTheRun.class)
    void everyScenarioOfTheFilePasses(String file) {
        Outcome outcome = run(selectClasspathResource("features/" + file), glueOf(file), Map.of());
        Assertions.assertTrue(outcome.ran() > 0, () -> file + " ran no scenario");
        Assertions.assertTrue(
                outcome.failed().isEmpty(),
                () -> file + ": " + outcome.failed().size() + " failed\n" + String.join("\n", outcome.failed()));
    }

    /** One check per feature file of the run's profiles ({@link #featureFiles(Optional)}). */
    static final class FilesOfTheRun implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(
                ParameterDeclarations parameters, ExtensionContext context) {
            CheckSettings settings = CheckSettings.from(context::getConfigurationParameter);
            return featureFiles(settings.profiles()).map(Arguments::of);
        }
    }

    /** How many scenarios a launch ran, and a line for each that failed. */
    public record Outcome(int ran, List<String> failed) {}

    /** Runs the scenarios {@code selector} finds through Cucumber with the suite's configuration and this glue. */
    public static Outcome run(DiscoverySelector selector, String glue, Map<String, String> extra) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selector)
                .filters(includeEngines("cucumber"))
                .configurationParameters(suiteParameters())
                .configurationParameter(GLUE_PROPERTY_NAME, glue)
                .configurationParameters(extra)
                .build();
        List<String> failed = new ArrayList<>();
        int[] ran = {0};
        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    ran[0]++;
                }
                if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                    failed.add(id.getDisplayName() + ": "
                            + result.getThrowable().map(Throwable::getMessage).orElse("failed"));
                }
            }
        });
        return new Outcome(ran[0], List.copyOf(failed));
    }

    /**
     * The step definitions a file's scenarios use: those of its domain (the folder it sits in) and the common
     * ones. Cucumber prepares and matches against every step definition it is given, on every start; a file of
     * one domain needs only its own.
     */
    public static String glueOf(String file) {
        return folderOf(file)
                .map(domain -> STEPS + ".common," + STEPS + "." + domain)
                .orElse(STEPS);
    }

    /**
     * The step definitions the scenarios of these profiles use: the common ones and those of each profile's
     * domain (the folder of {@code features/} its scenarios sit in, as {@link #domainOf} says; the kit's tests
     * check that every scenario sits in its profile's folder). A certification of some profiles then prepares
     * only their step definitions.
     */
    public static String glueFor(Set<Profile> profiles) {
        if (profiles.isEmpty()) {
            return STEPS;
        }
        return Stream.concat(Stream.of("common"), profiles.stream().map(FeatureFileChecks::domainOf))
                .distinct()
                .sorted()
                .map(domain -> STEPS + "." + domain)
                .collect(Collectors.joining(","));
    }

    /** The folder of {@code features/}, and the package of step definitions, of a profile's scenarios. */
    public static String domainOf(Profile profile) {
        return switch (profile) {
            case X86_PAGING, X86_PDPTE_REGISTERS -> "x86";
            case PGM_MODES, PGM, PGM_INTROSPECTION -> "pgm";
            case GMM, GMM_INTROSPECTION -> "gmm";
            case MONITOR -> "monitor";
            case LARGE_PAGES, LARGE_PAGES_INTROSPECTION -> "largepage";
        };
    }

    /** The conformance suite's own configuration, with Cucumber discovering as the root engine here. */
    private static Map<String, String> suiteParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (ConfigurationParameter p : ConformanceSuite.class.getAnnotationsByType(ConfigurationParameter.class)) {
            parameters.put(p.key(), p.value());
        }
        parameters.put(AS_ROOT_ENGINE, "true");
        return parameters;
    }
}
