package org.gmck.kit.steps.common;

import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;
import java.util.List;
import java.util.stream.Collectors;
import org.gmck.kit.AdapterRuns;
import org.gmck.kit.NotApplicable;
import org.gmck.kit.NotRun;
import org.gmck.kit.ScenarioContext;
import org.gmck.kit.ScenarioSteps;
import org.gmck.kit.Timeouts;
import org.gmck.kit.catalogue.Reading;
import org.gmck.kit.catalogue.Readings;
import org.gmck.kit.catalogue.Rule;
import org.gmck.kit.catalogue.RuleCatalogue;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;

/** Takes the adapter of the run (see {@link AdapterRuns}) and decides, per scenario, which rule it checks and whether it applies. */
public final class KitHooks {

    private final ScenarioContext context;

    public KitHooks(ScenarioContext context) {
        this.context = context;
    }

    /**
     * Chooses the adapter of the run this thread runs (once per run: a certification run chooses it before it
     * starts, and its metadata is read only then), and fails the whole run once, before any scenario, when it
     * cannot be chosen.
     */
    @BeforeAll
    public static void chooseAdapter() {
        AdapterRuns.current().selected();
    }

    @Before(order = 0)
    public void gate(Scenario scenario) {
        ConformanceAdapter adapter = AdapterRuns.current().selected();
        AdapterRuns.release();
        List<String> ruleTags = scenario.getSourceTagNames().stream()
                .filter(t -> Rule.ID.matcher(t.substring(1)).matches())
                .collect(Collectors.toList());
        List<Profile> profiles = scenario.getSourceTagNames().stream()
                .map(Profile::byTag)
                .flatMap(java.util.Optional::stream)
                .collect(Collectors.toList());
        if (ruleTags.size() != 1 || profiles.size() != 1) {
            throw new IllegalStateException("Scenario '" + scenario.getName() + "' (" + scenario.getUri() + ":"
                    + scenario.getLine() + ") needs exactly one rule tag and one profile tag, has " + ruleTags
                    + " and " + profiles);
        }
        String id = ruleTags.get(0).substring(1);
        Rule rule = RuleCatalogue.bundled()
                .rule(id)
                .orElseThrow(() -> new IllegalStateException("Scenario '" + scenario.getName() + "' is tagged @" + id
                        + ", which CONFORMANCE.md does not catalogue"));
        Profile profile = profiles.get(0);
        context.begin(adapter, rule, profile, Timeouts.forScenario(scenario.getSourceTagNames()));
        context.steps(ScenarioSteps.of(scenario.getUri(), scenario.getLine()));
        NotRun.ifStopped();
        NotApplicable.unless(
                adapter.profiles().contains(profile),
                () -> "adapter '" + adapter.name() + "' does not declare profile '" + profile.id() + "' (rule " + id
                        + ")");
        for (String tag : scenario.getSourceTagNames()) {
            if (Reading.isTag(tag)) {
                Reading reading = Readings.bundled()
                        .forTag(tag)
                        .orElseThrow(() -> new IllegalStateException("Scenario '" + scenario.getName() + "' is tagged "
                                + tag + ", which CONFORMANCE.md's table of declared readings does not list"));
                String declared = adapter.parameters().get(reading.key());
                NotApplicable.unless(reading.value().equals(declared), () -> readingNotDeclared(adapter, reading, id));
            }
        }
    }

    /** Why a scenario of one reading does not apply: the adapter declared another, or none. */
    static String readingNotDeclared(ConformanceAdapter adapter, Reading reading, String rule) {
        String declared = adapter.parameters().get(reading.key());
        if (declared == null) {
            return "adapter '" + adapter.name() + "' declares no reading of '" + reading.key()
                    + "'; declare " + reading.key() + " = "
                    + String.join(" or ", Readings.bundled().values(reading.key()))
                    + " in parameters() to have this scenario of rule " + rule + " judged (it checks the reading '"
                    + reading.value() + "')";
        }
        return "adapter '" + adapter.name() + "' declares " + reading.key() + " = " + declared
                + "; this scenario of rule " + rule + " checks the reading '" + reading.value() + "'";
    }
}
