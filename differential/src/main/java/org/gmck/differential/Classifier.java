package org.gmck.differential;

/**
 * What is known of one engine: compares its observation of a case with the reference's and names each
 * difference by a known deviation of the engine, a difference the SDM permits or a question the engine
 * cannot be asked; whatever it cannot name is the verdict's unexplained signature.
 */
public interface Classifier {

    /** The adapter name of the engine this classifier knows. */
    String engine();

    /** How {@code engine}'s observation of {@code c} relates to {@code reference}'s. */
    Verdict classify(CaseSpec c, Observation reference, Observation engine);
}
