package org.gmck.kit;

import java.time.Duration;
import java.util.Optional;

/**
 * The limits of a whole certification run, past which it stops early and says so: a cap on its time
 * ({@code -Dconformance.run-timeout}, by default proportional to the scenarios it runs) and a number of calls
 * the adapter may leave unanswered ({@code -Dconformance.max-hangs}). Once either is reached, every scenario
 * and check that has not yet run is recorded as not run, with the reason, and the report is written as usual.
 * No limit applies outside a certification run.
 */
public final class RunLimits {

    /** The option that caps a run's time. */
    public static final String RUN_TIMEOUT = "conformance.run-timeout";
    /** The option that sets how many unanswered calls end a run. */
    public static final String MAX_HANGS = "conformance.max-hangs";
    /** The message prefix of a scenario or check not run because the run stopped early. */
    public static final String NOT_RUN = "Not run:";
    /** How many unanswered calls end a run unless {@value #MAX_HANGS} says otherwise. */
    public static final int DEFAULT_MAX_HANGS = 5;

    private static final Duration BASE = Duration.ofMinutes(5);
    private static final Duration PER_SCENARIO = Duration.ofSeconds(2);

    private static volatile long deadline = Long.MAX_VALUE;
    private static volatile Duration cap;
    private static volatile int maxHangs = Integer.MAX_VALUE;
    private static volatile int hangs;
    private static volatile String stopped;

    private RunLimits() {}

    /** The default cap of a run of {@code scenarios} scenarios: 5 minutes and 2 seconds a scenario. */
    public static Duration defaultCap(int scenarios) {
        return BASE.plus(PER_SCENARIO.multipliedBy(scenarios));
    }

    /** Starts the limits of a run: a cap from now, and the number of hung calls that ends it. */
    public static synchronized void start(Duration runCap, int hungCalls) {
        cap = runCap;
        deadline = saturatedDeadline(runCap);
        maxHangs = hungCalls;
        hangs = 0;
        stopped = null;
    }

    /** Lifts every limit (the run has ended). */
    public static synchronized void clear() {
        deadline = Long.MAX_VALUE;
        cap = null;
        maxHangs = Integer.MAX_VALUE;
        hangs = 0;
        stopped = null;
    }

    private static long saturatedDeadline(Duration d) {
        long now = System.nanoTime();
        try {
            return Math.addExact(now, d.toNanos());
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Records a call the adapter left unanswered. */
    public static synchronized void hung() {
        hangs++;
        if (hangs >= maxHangs && stopped == null) {
            stopped = "the adapter left " + hangs + " calls unanswered (-D" + MAX_HANGS + "=" + maxHangs + ")";
        }
    }

    /** Why the run stopped early, if it did: checked before each scenario, check and call. */
    public static Optional<String> stopped() {
        if (stopped == null && System.nanoTime() - deadline >= 0 && deadline != Long.MAX_VALUE) {
            synchronized (RunLimits.class) {
                if (stopped == null) {
                    stopped = "the run's cap of " + Timeouts.describe(cap) + " passed (-D" + RUN_TIMEOUT + ")";
                }
            }
        }
        return Optional.ofNullable(stopped);
    }

    /** The message of a scenario or check not run because the run stopped early. */
    public static String notRun(String why) {
        return NOT_RUN + " " + why;
    }
}
