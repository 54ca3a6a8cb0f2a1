package org.gmck.differential;

import java.util.List;
import java.util.function.Function;
import org.gmck.spi.ConformanceAdapter;

/**
 * One implementation a differential run puts its cases to: how it is named in reports, how cases are put to
 * it, and how its answers are judged against the reference's.
 *
 * <p>An engine answers a batch of cases at a time. An engine that can only answer one case at a time is
 * given a batch function that puts the cases one after the other ({@link #of}); an engine that runs many
 * cases in one round trip (an in-guest loop over prepared cases, for example) supplies its own ({@link
 * #batched}). Whatever the batch size, each case must be answered as if it were put alone: the run's
 * verdicts do not depend on how cases are grouped.
 *
 * @param name       the name in reports (the adapter's name for a real engine)
 * @param observe    puts one case to the implementation and records what it did (used to shrink findings)
 * @param batch      puts a list of cases and returns one observation per case, in the same order
 * @param classifier names the engine's differences from the reference
 */
public record Engine(
        String name,
        Function<CaseSpec, Observation> observe,
        Function<List<CaseSpec>, List<Observation>> batch,
        Classifier classifier) {

    /** An engine answering one case at a time. */
    public Engine(String name, Function<CaseSpec, Observation> observe, Classifier classifier) {
        this(name, observe, cases -> cases.stream().map(observe).toList(), classifier);
    }

    /** The engine behind {@code adapter}, one case at a time, judged by {@code classifier}. */
    public static Engine of(ConformanceAdapter adapter, Classifier classifier) {
        return new Engine(adapter.name(), c -> Observation.of(adapter, c), classifier);
    }

    /**
     * The engine behind {@code adapter} whose batches go to {@code batch}; single cases (when a finding is
     * shrunk) still go through the adapter.
     */
    public static Engine batched(
            ConformanceAdapter adapter, Function<List<CaseSpec>, List<Observation>> batch, Classifier classifier) {
        return new Engine(adapter.name(), c -> Observation.of(adapter, c), batch, classifier);
    }

    /** Puts {@code cases} and checks that one observation came back for each. */
    List<Observation> observeAll(List<CaseSpec> cases) {
        List<Observation> seen = batch.apply(cases);
        if (seen == null || seen.size() != cases.size()) {
            throw new IllegalStateException(
                    name + " answered " + (seen == null ? "nothing" : seen.size() + " observations")
                            + " for a batch of " + cases.size() + " cases");
        }
        return seen;
    }
}
