package org.gmck.kit.report;

import java.util.List;
import org.gmck.kit.catalogue.Rule;

/**
 * One rule's verdict in a run, with the scenarios that decided it.
 *
 * @param rule      the catalogued rule
 * @param verdict   the verdict
 * @param reason    why, for every verdict but pass: the failing scenarios, the undeclared profile, the
 *                  baseline's reason, the catalogue's reason for being untestable
 * @param scenarios every scenario of the rule that ran
 */
public record RuleVerdict(Rule rule, Verdict verdict, String reason, List<ScenarioOutcome> scenarios) {

    public RuleVerdict {
        scenarios = List.copyOf(scenarios);
    }

    /** The scenarios that failed. */
    public List<ScenarioOutcome> failing() {
        return scenarios.stream().filter(ScenarioOutcome::failed).toList();
    }
}
