package org.gmck.kit.model;

import java.util.Optional;

/**
 * What applying one operation did.
 *
 * @param gherkin      the step that does the same, empty when the operation does not apply in the current
 *                     state (it was skipped, and changed nothing)
 * @param disagreement what the adapter did that the rules do not allow, empty when it agreed with the model
 */
public record Step(Optional<String> gherkin, Optional<Disagreement> disagreement) {

    /** The operation did not apply and changed nothing. */
    public static Step skipped() {
        return new Step(Optional.empty(), Optional.empty());
    }

    /** The operation, written as {@code gherkin}, ran and the adapter agreed with the model. */
    public static Step agreed(String gherkin) {
        return new Step(Optional.of(gherkin), Optional.empty());
    }

    /** The operation, written as {@code gherkin}, ran and the adapter disagreed. */
    public static Step disagreed(String gherkin, Disagreement disagreement) {
        return new Step(Optional.of(gherkin), Optional.of(disagreement));
    }

    /** This step, disagreeing after all; for comparisons made after the operation ran. */
    public Step or(Optional<Disagreement> found) {
        return disagreement.isPresent() || found.isEmpty() ? this : new Step(gherkin, found);
    }
}
