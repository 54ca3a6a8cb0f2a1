package org.gmck.kit.report;

/** The verdict on one rule in one run, as the certification report spells it. */
public enum Verdict {
    /** Every scenario of the rule passed. */
    PASS("pass"),
    /** A scenario of a MUST rule failed. */
    FAIL("fail"),
    /** A scenario of a SHOULD or MAY rule failed: the implementation does not meet an optional rule. */
    OPTIONAL_UNMET("optional-unmet"),
    /** The adapter does not declare the rule's profile. */
    NOT_APPLICABLE("not-applicable"),
    /** A scenario failed and the adapter's baseline lists the rule as an expected failure. */
    EXPECTED_FAILURE("expected-failure"),
    /** The baseline lists the rule as an expected failure, but every scenario passed: the baseline is stale. */
    UNEXPECTED_PASS("unexpected-pass"),
    /** The catalogue marks the rule untestable, with its reason; it has no scenario. */
    UNTESTABLE("untestable"),
    /** The profile is declared but no scenario of the rule ran in this run (for example, filtered out by tags). */
    NOT_RUN("not-run");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The name used in reports, for example {@code expected-failure}. */
    public String label() {
        return label;
    }
}
