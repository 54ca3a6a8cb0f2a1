package org.gmck.kit.report;

import java.util.List;
import org.gmck.kit.catalogue.Rule;
import org.gmck.kit.evidence.RuleEvidence;
import org.gmck.kit.evidence.ScenarioOutcome;

/**
 * One rule's verdict in a run, with the evidence that decided it.
 *
 * @param rule     the catalogued rule
 * @param verdict  the verdict
 * @param reason   why, for every verdict but pass: the failing scenarios, cases and model runs, the
 *                 undeclared profile, the baseline's reason, the catalogue's reason for being untestable
 * @param evidence every scenario of the rule that ran, every batch of data cases and every model-based run
 *                 that checked it
 */
public record RuleVerdict(Rule rule, Verdict verdict, String reason, RuleEvidence evidence) {

    /** The scenarios of the rule that ran. */
    public List<ScenarioOutcome> scenarios() {
        return evidence.scenarios();
    }

    /** The scenarios that failed. */
    public List<ScenarioOutcome> failing() {
        return scenarios().stream().filter(ScenarioOutcome::failed).toList();
    }
}
