package org.gmck.kit.model;

import java.util.List;

/**
 * One sequence of a model-based run: a system under test on the adapter, and the model's state beside it.
 *
 * <p>Steps are Gherkin step texts without their keyword ({@code VM A allocates 3 pages}); a step may carry a
 * data table on the lines after its first. Each must match a step definition of the kit and do to the adapter
 * exactly what the session did, so that the sequence replays as a scenario.
 *
 * @param <O> the model's operations
 */
public interface ModelSession<O> {

    /** The steps that build what {@link ModelSpec#start} built, for example {@code a GMM with 2 MB chunks}. */
    List<String> setup();

    /**
     * Applies one operation to the adapter and to the model, then compares: the operation's own outcome
     * (answer or refusal) and every part of the observable state the operation can have changed.
     */
    Step apply(O operation);

    /**
     * Then-steps that assert the whole observable state as the model has it now. They let the kit check its
     * own vocabulary: a sequence written out with these steps must pass against a conforming adapter.
     */
    List<String> checks();
}
