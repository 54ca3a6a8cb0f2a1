package org.gmck.differential;

import java.util.function.Function;
import org.gmck.spi.ConformanceAdapter;

/**
 * One implementation a differential run puts its cases to: how it is named in reports, how a case is put to
 * it, and how its answers are judged against the reference's.
 *
 * @param name       the name in reports (the adapter's name for a real engine)
 * @param observe    puts one case to the implementation and records what it did
 * @param classifier names the engine's differences from the reference
 */
public record Engine(String name, Function<CaseSpec, Observation> observe, Classifier classifier) {

    /** The engine behind {@code adapter}, judged by {@code classifier}. */
    public static Engine of(ConformanceAdapter adapter, Classifier classifier) {
        return new Engine(adapter.name(), c -> Observation.of(adapter, c), classifier);
    }
}
