package org.gmck.kit.model;

import java.util.List;
import java.util.Set;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.quicktheories.core.Gen;

/**
 * An executable model of one profile's rules, for model-based runs: it generates random operations, applies
 * each to the adapter and to itself, and compares the two after every step (see {@link ModelRunner}). A
 * model is written from the catalogue alone, never from the reference implementation, so that the two check
 * each other.
 *
 * <p>Every operation and every comparison is also a Gherkin step of the kit's own vocabulary, so that a
 * disagreement, shrunk to a minimal sequence, can be written out as a scenario, pasted into a feature and
 * replayed (see {@link ModelSession}).
 *
 * @param <O> the operations it generates: plain values, for example records
 */
public interface ModelSpec<O> {

    /** The model's name in reports, for example {@code gmm}. */
    String name();

    /** The profile an adapter must declare for this model to run. */
    Profile profile();

    /**
     * What the model runs over for this adapter, each a series of sequences of its own: for example the GMM
     * editions the adapter declares. Empty when nothing applies.
     */
    List<String> variants(ConformanceAdapter adapter);

    /** The rules the model's comparisons belong to (the report lists the run under each). */
    Set<String> rules();

    /** One random operation. */
    Gen<O> operations(String variant);

    /** The rule that says how an operation behaves: an adapter that throws or hangs on it breaks this rule. */
    String ruleOf(O operation);

    /** A fresh system of the variant on the adapter, and the model's fresh state, for one sequence. */
    ModelSession<O> start(ConformanceAdapter adapter, String variant);
}
