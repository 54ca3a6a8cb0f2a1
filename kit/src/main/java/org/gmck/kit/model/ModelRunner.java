package org.gmck.kit.model;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gmck.kit.AdapterRuns;
import org.gmck.kit.CheckGuard;
import org.gmck.kit.certify.CheckSettings;
import org.gmck.spi.ConformanceAdapter;
import org.quicktheories.api.AsString;
import org.quicktheories.core.Reporter;

/**
 * Plays a model's random sequences against an adapter: each sequence on a fresh system, each operation
 * applied to the adapter and the model and compared (see {@link ModelSession#apply}), within the run's
 * timeout (an operation and its comparisons together get the time one call gets). QuickTheories makes
 * the sequences from a seed (so a run replays exactly) and shrinks the first one that disagrees to a minimal
 * sequence, which comes back written as a scenario.
 */
public final class ModelRunner {

    private ModelRunner() {}

    /**
     * What one series of sequences found.
     *
     * @param variant   what it ran over
     * @param seed      its seed
     * @param sequences sequences played before a disagreement was found (all of them when none was)
     * @param steps     operations those sequences made
     * @param found     the disagreement, shrunk, if any
     */
    public record Result(String variant, long seed, int sequences, long steps, Optional<Found> found) {}

    /**
     * A disagreement and the minimal sequence that shows it.
     *
     * @param disagreement the failed comparison
     * @param operations   how many operations the sequence makes
     * @param gherkin      the sequence as a scenario of the disagreement's rule
     */
    public record Found(Disagreement disagreement, int operations, String gherkin) {}

    /** Runs one series of sequences of {@code spec} over {@code variant}. */
    public static <O> Result run(
            ModelSpec<O> spec, String variant, ConformanceAdapter adapter, CheckSettings settings, CheckGuard guard) {
        long seed = settings.seed() ^ ((long) (spec.name() + "/" + variant).hashCode() << 16);
        Series<O> series = new Series<>(spec, variant, adapter, guard);
        CheckSettings.Depth depth = settings.depth();
        qt().withFixedSeed(seed)
                .withExamples(depth.sequences())
                .withShrinkCycles(settings.shrink() ? depth.shrinkCycles() : 0)
                .withReporter(series)
                .forAll(lists().of(spec.operations(variant)).ofSizeBetween(1, depth.maxSteps()))
                .check(series::holds);
        return new Result(variant, seed, series.sequences, series.steps, Optional.ofNullable(series.smallest));
    }

    /** The state of one series while QuickTheories generates and shrinks. */
    private static final class Series<O> implements Reporter {
        private final ModelSpec<O> spec;
        private final String variant;
        private final ConformanceAdapter adapter;
        private final CheckGuard guard;
        private int sequences;
        private long steps;
        private boolean exploring = true;
        private boolean hung;
        private Found smallest;

        Series(ModelSpec<O> spec, String variant, ConformanceAdapter adapter, CheckGuard guard) {
            this.spec = spec;
            this.variant = variant;
            this.adapter = adapter;
            this.guard = guard;
        }

        /** The property QuickTheories checks: the sequence plays without disagreement. */
        boolean holds(List<O> operations) {
            if (hung) {
                return true;
            }
            Optional<Found> found = play(operations);
            if (found.isEmpty()) {
                return true;
            }
            exploring = false;
            if (smallest == null || found.get().operations() < smallest.operations()) {
                smallest = found.get();
            }
            return false;
        }

        @SuppressWarnings("unchecked")
        private Optional<Found> play(List<O> operations) {
            if (exploring) {
                sequences++;
            }
            ModelSession<O> session;
            AdapterRuns.release();
            try {
                session = (ModelSession<O>) guard.call(
                        "setting up the " + spec.name() + " model (" + variant + ")",
                        () -> spec.start(adapter, variant));
            } catch (RuntimeException e) {
                hung |= e instanceof CheckGuard.AdapterFailure f && f.hung();
                Disagreement d = new Disagreement(
                        spec.ruleOf(operations.get(0)),
                        "setting up a " + spec.name() + " system (" + variant + ") failed: " + message(e),
                        "nothing went wrong");
                return Optional.of(found(List.of(), List.of(), d));
            }
            List<String> done = new ArrayList<>();
            for (O op : operations) {
                if (exploring) {
                    steps++;
                }
                Step step;
                try {
                    ModelSession<O> s = session;
                    step = (Step) guard.call(spec.name() + ": " + op, () -> s.apply(op));
                } catch (RuntimeException e) {
                    hung |= e instanceof CheckGuard.AdapterFailure f && f.hung();
                    Disagreement d = new Disagreement(
                            spec.ruleOf(op), "the adapter failed on " + op + ": " + message(e), "the call is answered");
                    return Optional.of(found(session.setup(), done, d));
                }
                step.gherkin().ifPresent(done::add);
                if (step.disagreement().isPresent()) {
                    return Optional.of(
                            found(session.setup(), done, step.disagreement().get()));
                }
            }
            return Optional.empty();
        }

        private Found found(List<String> setup, List<String> done, Disagreement d) {
            String name = "The " + spec.name() + " model (" + variant + ") finds " + d.rule() + " broken after "
                    + done.size() + (done.size() == 1 ? " operation" : " operations");
            return new Found(d, done.size(), ScenarioText.write(d.rule(), name, setup, done, List.of(d.then())));
        }

        private static String message(Throwable e) {
            return e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        }

        @Override
        public void falisification(
                long seed,
                int examplesUsed,
                Object smallest,
                Throwable cause,
                List<Object> others,
                AsString<Object> toString) {
            // the smallest disagreement is kept by holds(); nothing to throw
        }

        @Override
        public void falisification(
                long seed, int examplesUsed, Object smallest, List<Object> others, AsString<Object> toString) {
            // as above
        }

        @Override
        public void valuesExhausted(int examplesUsed) {
            // fewer distinct sequences than asked for: what ran is what there is
        }
    }
}
