package org.gmck.kit.model;

import java.util.List;
import java.util.Optional;
import org.gmck.kit.catalogue.Rule;
import org.gmck.kit.catalogue.RuleCatalogue;

/**
 * Writes a sequence of steps as a Gherkin scenario of the rule it checks: the rule and profile tags, the
 * {@code Source:} line the catalogue requires, the set-up as Given, the operations as When, the check as Then.
 * The text is indented to sit inside a feature file and can be pasted into one as it is.
 */
public final class ScenarioText {

    private ScenarioText() {}

    /**
     * @param rule       the rule id the scenario checks
     * @param name       the scenario's name
     * @param setup      Given steps
     * @param operations When steps
     * @param checks     Then steps
     */
    public static String write(
            String rule, String name, List<String> setup, List<String> operations, List<String> checks) {
        Optional<Rule> catalogued = RuleCatalogue.bundled().rule(rule);
        StringBuilder g = new StringBuilder();
        g.append("  @")
                .append(rule)
                .append(catalogued.map(r -> " " + r.profile().tag()).orElse(""))
                .append('\n');
        g.append("  Scenario: ").append(name).append('\n');
        catalogued.ifPresent(r -> g.append("    Source: ").append(r.source()).append('\n'));
        steps(g, "Given", setup);
        steps(g, "When", operations);
        steps(g, "Then", checks);
        return g.toString();
    }

    private static void steps(StringBuilder g, String keyword, List<String> steps) {
        for (int i = 0; i < steps.size(); i++) {
            String[] lines = steps.get(i).split("\n", -1);
            g.append("    ")
                    .append(i == 0 ? keyword : "And")
                    .append(' ')
                    .append(lines[0])
                    .append('\n');
            for (int l = 1; l < lines.length; l++) {
                g.append("      ").append(lines[l].strip()).append('\n');
            }
        }
    }

    /** A whole feature file around one or more scenarios, for replaying them. */
    public static String feature(String name, List<String> scenarios) {
        StringBuilder f = new StringBuilder("Feature: ").append(name).append("\n\n");
        scenarios.forEach(s -> f.append(s).append('\n'));
        return f.toString();
    }
}
