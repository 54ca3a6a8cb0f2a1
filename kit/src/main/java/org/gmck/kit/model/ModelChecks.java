package org.gmck.kit.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gmck.kit.AdapterRun;
import org.gmck.kit.CheckGuard;
import org.gmck.kit.NotApplicable;
import org.gmck.kit.NotRun;
import org.gmck.kit.Timeouts;
import org.gmck.kit.catalogue.RuleCatalogue;
import org.gmck.kit.certify.CheckSettings;
import org.gmck.kit.evidence.EvidenceEntries;
import org.gmck.kit.evidence.ModelEvidence;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Part of every certification: each model of {@link ModelSpecs} played against the adapter under test, over
 * every variant it applies to, at the run's depth and seed (see {@link CheckSettings}). Each rule the model
 * compares gets the run as evidence; a disagreement fails the rule of the comparison that failed, and carries
 * the shrunk sequence as a scenario.
 */
@ExtendWith(CheckSettings.Resolver.class)
public class ModelChecks {

    static List<String> models() {
        return ModelSpecs.all().stream().map(ModelSpec::name).toList();
    }

    @ParameterizedTest(name = "model-based run: {0}", allowZeroInvocations = true)
    @MethodSource("models")
    void theAdapterAgreesWithTheModel(String name, CheckSettings settings, AdapterRun run, TestReporter reporter) {
        ModelSpec<?> spec = ModelSpecs.all().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
        ConformanceAdapter declared = run.selected();
        NotApplicable.unless(
                settings.runs(spec.profile(), declared.profiles()),
                () -> "adapter '" + declared.name() + "' does not declare profile "
                        + spec.profile().id());
        ConformanceAdapter adapter = checking(declared, settings);
        List<String> variants = spec.variants(adapter);
        NotApplicable.unless(
                !(variants.isEmpty()),
                () -> "no variant of the " + name + " model applies to '" + adapter.name() + "'");
        List<String> disagreements = new ArrayList<>();
        for (String variant : variants) {
            NotRun.ifStopped();
            ModelRunner.Result result =
                    ModelRunner.run(spec, variant, adapter, settings, new CheckGuard(Timeouts.forRun()));
            TreeSet<String> rules = new TreeSet<>(spec.rules());
            rules.removeIf(rule -> RuleCatalogue.bundled()
                    .rule(rule)
                    .filter(r -> adapter.profiles().contains(r.profile()))
                    .isEmpty());
            result.found().ifPresent(f -> rules.add(f.disagreement().rule()));
            for (String rule : rules) {
                Optional<ModelEvidence.Counterexample> failure = result.found()
                        .filter(f -> f.disagreement().rule().equals(rule))
                        .map(f -> new ModelEvidence.Counterexample(
                                f.disagreement().difference(), f.operations(), f.gherkin()));
                EvidenceEntries.publish(
                        reporter,
                        rule,
                        new ModelEvidence(
                                name,
                                variant,
                                settings.depth().label(),
                                result.seed(),
                                result.sequences(),
                                result.steps(),
                                failure));
            }
            result.found()
                    .ifPresent(f -> disagreements.add(variant + ": "
                            + f.disagreement().rule() + ": " + f.disagreement().difference() + "\n" + f.gherkin()));
        }
        assertTrue(
                disagreements.isEmpty(),
                () -> "the " + name + " model disagrees with adapter '" + adapter.name() + "':\n"
                        + String.join("\n", disagreements));
    }

    /**
     * The adapter as the model sees it: declaring only the profiles this run checks, so that a run restricted
     * to a parent profile compares none of its sub-profile's state.
     */
    private static ConformanceAdapter checking(ConformanceAdapter adapter, CheckSettings settings) {
        Set<Profile> checked = EnumSet.noneOf(Profile.class);
        adapter.profiles().stream()
                .filter(p -> settings.runs(p, adapter.profiles()))
                .forEach(checked::add);
        return (ConformanceAdapter) Proxy.newProxyInstance(
                ConformanceAdapter.class.getClassLoader(),
                new Class<?>[] {ConformanceAdapter.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("profiles") && method.getParameterCount() == 0) {
                        return Set.copyOf(checked);
                    }
                    try {
                        return method.invoke(adapter, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
