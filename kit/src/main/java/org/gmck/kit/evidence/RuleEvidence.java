package org.gmck.kit.evidence;

import java.util.List;

/**
 * Everything a run learnt about one rule: its scenarios, the data cases that carry it, and the model-based
 * runs that compared it.
 */
public record RuleEvidence(List<ScenarioOutcome> scenarios, List<CaseTally> cases, List<ModelEvidence> models) {

    public static final RuleEvidence NONE = new RuleEvidence(List.of(), List.of(), List.of());

    public RuleEvidence {
        scenarios = List.copyOf(scenarios);
        cases = List.copyOf(cases);
        models = List.copyOf(models);
    }

    /** Whether any scenario, case or model run failed this rule. */
    public boolean anyFailed() {
        return scenarios.stream().anyMatch(ScenarioOutcome::failed)
                || cases.stream().anyMatch(c -> c.failed() > 0)
                || models.stream().anyMatch(ModelEvidence::failed);
    }

    /** Whether any check of this rule ran to a pass: a scenario passed, a case was answered as expected, or a model ran. */
    /** Whether some scenario of the rule was not run because the run stopped early. */
    public boolean anyNotRun() {
        return scenarios.stream().anyMatch(ScenarioOutcome::notRun);
    }

    public boolean anyPassed() {
        return scenarios.stream().anyMatch(ScenarioOutcome::passed)
                || cases.stream().anyMatch(c -> c.passed() > 0)
                || models.stream().anyMatch(m -> !m.failed() && m.sequences() > 0);
    }

    /** The failures in words, for a verdict's reason. */
    public String failures() {
        List<String> parts = new java.util.ArrayList<>();
        List<ScenarioOutcome> failing =
                scenarios.stream().filter(ScenarioOutcome::failed).toList();
        if (!failing.isEmpty()) {
            parts.add(failing.size() + " of " + scenarios.size() + " scenarios fail: "
                    + failing.stream()
                            .map(ScenarioOutcome::location)
                            .collect(java.util.stream.Collectors.joining(", ")));
        }
        for (CaseTally c : cases) {
            if (c.failed() > 0) {
                parts.add(c.failed() + " of " + c.ran() + " cases of " + c.source() + " fail, first "
                        + c.first().stream()
                                .map(CaseTally.FailedCase::id)
                                .collect(java.util.stream.Collectors.joining(", ")));
            }
        }
        for (ModelEvidence m : models) {
            m.failure()
                    .ifPresent(f -> parts.add("the " + m.model() + " model (" + m.variant() + ", seed " + m.seed()
                            + ") disagrees after " + f.operations() + " operations: " + f.difference()));
        }
        return String.join("; ", parts);
    }
}
