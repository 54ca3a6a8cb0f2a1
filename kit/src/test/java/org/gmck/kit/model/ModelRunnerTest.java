package org.gmck.kit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gmck.kit.CheckGuard;
import org.gmck.kit.certify.CheckSettings;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The model runner finds a disagreement, shrinks it to the shortest sequence, writes it out and replays the same. */
class ModelRunnerTest {

    /** A counter that is meant to count every increment; the faulty one stops at four. */
    private static final class Counter {
        private final int limit;
        private int value;

        Counter(int limit) {
            this.limit = limit;
        }

        void increment() {
            if (value < limit) {
                value++;
            }
        }
    }

    /** Operations: 0 increments, 1 resets (by making a new counter), 2 sleeps too long when the system hangs. */
    private static final class CounterSpec implements ModelSpec<Integer> {
        private final int limit;
        private final boolean hangs;
        private final java.util.concurrent.atomic.AtomicInteger sleeps =
                new java.util.concurrent.atomic.AtomicInteger();

        CounterSpec(int limit, boolean hangs) {
            this.limit = limit;
            this.hangs = hangs;
        }

        @Override
        public String name() {
            return "counter";
        }

        @Override
        public Profile profile() {
            return Profile.GMM;
        }

        @Override
        public List<String> variants(ConformanceAdapter adapter) {
            return List.of("only");
        }

        @Override
        public Set<String> rules() {
            return Set.of("GMM-STATE-7");
        }

        @Override
        public Gen<Integer> operations(String variant) {
            return integers().between(0, hangs ? 2 : 1);
        }

        @Override
        public String ruleOf(Integer operation) {
            return "GMM-STATE-7";
        }

        @Override
        public ModelSession<Integer> start(ConformanceAdapter adapter, String variant) {
            return new ModelSession<>() {
                Counter counter = new Counter(limit);
                int model;

                @Override
                public List<String> setup() {
                    return List.of("a counter");
                }

                @Override
                public Step apply(Integer op) {
                    if (op == 2) {
                        sleep();
                        return Step.agreed("the counter sleeps");
                    }
                    if (op == 1) {
                        counter = new Counter(limit);
                        model = 0;
                        return Step.agreed("the counter is reset");
                    }
                    counter.increment();
                    model++;
                    int expected = model;
                    return Step.agreed("the counter is incremented")
                            .or(Comparisons.start()
                                    .equal(
                                            "GMM-STATE-7",
                                            "the count",
                                            expected,
                                            () -> counter.value,
                                            "the counter reads " + expected)
                                    .result());
                }

                @Override
                public List<String> checks() {
                    return List.of("the counter reads " + model);
                }
            };
        }

        private void sleep() {
            sleeps.incrementAndGet();
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final CheckSettings SETTINGS = CheckSettings.from(
            key -> Optional.ofNullable(Map.of(CheckSettings.DEPTH, "standard").get(key)));

    /** Calls that answer are given far longer than they need, so that a loaded machine cannot fail them. */
    private static final Duration ANSWERING = Duration.ofSeconds(30);
    /** Well below the 5 s a hanging operation sleeps. */
    private static final Duration HANGING = Duration.ofMillis(500);

    private static ModelRunner.Result run(int limit, boolean hangs) {
        return ModelRunner.run(
                new CounterSpec(limit, hangs), "only", null, SETTINGS, new CheckGuard(hangs ? HANGING : ANSWERING));
    }

    @Test
    void aConformingSystemPlaysEverySequence() {
        ModelRunner.Result result = run(Integer.MAX_VALUE, false);
        assertEquals(Optional.empty(), result.found());
        assertTrue(
                result.sequences() > CheckSettings.Depth.STANDARD.sequences() / 2
                        && result.sequences() <= CheckSettings.Depth.STANDARD.sequences(),
                "sequences played: " + result.sequences());
        assertTrue(result.steps() >= result.sequences());
    }

    @Test
    void aDisagreementIsShrunkToTheShortestSequenceAndWrittenAsAScenario() {
        ModelRunner.Found found = run(4, false).found().orElseThrow();
        assertEquals("GMM-STATE-7", found.disagreement().rule());
        assertEquals(5, found.operations(), found.gherkin());
        assertEquals(
                "  @GMM-STATE-7 @profile:gmm\n"
                        + "  Scenario: The counter model (only) finds GMM-STATE-7 broken after 5 operations\n"
                        + "    Source: VirtualBox GMMR0.cpp of 2007 [002], \"GMM - The Global Memory Manager\"\n"
                        + "    Given a counter\n"
                        + "    When the counter is incremented\n"
                        + "    And the counter is incremented\n"
                        + "    And the counter is incremented\n"
                        + "    And the counter is incremented\n"
                        + "    And the counter is incremented\n"
                        + "    Then the counter reads 5\n",
                found.gherkin());
    }

    @Test
    void theSameSeedFindsTheSameDisagreement() {
        assertEquals(run(4, false), run(4, false));
    }

    @Test
    void aHangEndsTheSeriesAtTheFirstTimeout() {
        CounterSpec hanging = new CounterSpec(Integer.MAX_VALUE, true);
        ModelRunner.Found found = ModelRunner.run(hanging, "only", null, SETTINGS, new CheckGuard(HANGING))
                .found()
                .orElseThrow();
        assertTrue(
                found.disagreement().difference().contains("did not answer within"),
                found.disagreement().difference());
        assertEquals(1, hanging.sleeps.get(), "a hanging operation is not tried again while shrinking");
    }
}
