package org.gmck.kit.evidence;

import java.util.Optional;

/**
 * What one model-based run showed about one rule: random operation sequences applied to the adapter and to
 * the kit's executable model of the catalogue, compared after every step.
 *
 * @param model     the model, for example {@code gmm}
 * @param variant   what the run was over, for example {@code current-2mb}
 * @param depth     {@code quick}, {@code standard} or {@code deep}
 * @param seed      the run's seed: the same seed, adapter and kit replay the same sequences
 * @param sequences how many sequences ran
 * @param steps     how many operations they made in all
 * @param failure   the disagreement found on this rule, shrunk to a minimal sequence; empty when none
 */
public record ModelEvidence(
        String model,
        String variant,
        String depth,
        long seed,
        int sequences,
        long steps,
        Optional<Counterexample> failure) {

    /** Whether the run disagreed with the adapter on this rule. */
    public boolean failed() {
        return failure.isPresent();
    }

    /**
     * A disagreement, shrunk.
     *
     * @param difference what the adapter did and what the rule requires
     * @param operations how many operations the shrunk sequence has
     * @param gherkin    the shrunk sequence written as a scenario that can be pasted into a feature and replayed
     */
    public record Counterexample(String difference, int operations, String gherkin) {}
}
