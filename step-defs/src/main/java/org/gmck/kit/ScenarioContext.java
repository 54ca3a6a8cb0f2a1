package org.gmck.kit;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.gmck.kit.catalogue.Rule;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.gmck.spi.common.RejectedException;
import org.opentest4j.AssertionFailedError;

/**
 * What one scenario knows: the adapter, the rule it checks, and the outcome of the last call into the
 * adapter. Shared by all step classes of a scenario (one instance per scenario).
 *
 * <p>Assertions go through this class so that every failure names the rule that broke, what it says, its
 * source, and what was checked.
 *
 * <p>Every call into the adapter, and into the SPI objects it returns, runs with the scenario's timeout
 * (see {@link Timeouts}): an adapter that hangs fails the scenario with a message saying so, the call is
 * abandoned (its worker thread interrupted and left behind; see {@link CallLane}) and the run goes on with the next scenario. An adapter that
 * throws anything but a {@link RejectedException} fails the scenario with a message naming the call.
 */
public final class ScenarioContext implements CallGuard {

    private ConformanceAdapter adapter;
    private Rule rule;
    private Profile profile;
    private Outcome last;
    private Duration timeout = Timeouts.forRun();
    /** The texts of the scenario's steps, when its feature file could be read (see {@link ScenarioSteps}). */
    private Optional<Set<String>> steps = Optional.empty();

    public void begin(ConformanceAdapter adapter, Rule rule, Profile profile, Duration timeout) {
        this.adapter = GuardedAdapter.wrap(adapter, this);
        this.rule = rule;
        this.profile = profile;
        this.timeout = timeout;
    }

    /** The texts of the scenario's steps, read from its feature file by {@link ScenarioSteps}; empty if unknown. */
    public void steps(Optional<Set<String>> texts) {
        this.steps = Objects.requireNonNull(texts);
    }

    /**
     * Whether the scenario has a step of one of these texts (keywords left out): a world that would otherwise
     * prepare for such a step before every action prepares only when this is true. True when the steps are
     * unknown.
     */
    public boolean hasStep(String... texts) {
        return steps.map(s -> Arrays.stream(texts).anyMatch(s::contains)).orElse(true);
    }

    /** How long one call into the adapter may take in this scenario. */
    public Duration timeout() {
        return timeout;
    }

    public ConformanceAdapter adapter() {
        return adapter;
    }

    public Rule rule() {
        return rule;
    }

    public Profile profile() {
        return profile;
    }

    /**
     * Runs a call into the adapter and records its value or its typed rejection. Anything else the adapter
     * throws, or a call that does not return in time, fails the scenario with a message naming the rule.
     */
    public <T> Optional<T> attempt(Supplier<T> call) {
        try {
            T value = call.get();
            last = new Outcome(value, null);
            return Optional.ofNullable(value);
        } catch (RejectedException rejected) {
            last = new Outcome(null, rejected);
            return Optional.empty();
        } catch (NotJudged notJudged) {
            throw notJudged;
        } catch (RuntimeException unexpected) {
            NotApplicable.notAskable(unexpected).ifPresent(n -> {
                throw n;
            });
            throw failure(
                    "the adapter threw " + unexpected.getClass().getName() + " instead of answering or "
                            + "rejecting with a RejectedException: " + unexpected.getMessage(),
                    unexpected);
        }
    }

    /**
     * One call into the adapter, on a worker thread, within the scenario's timeout. A {@link RejectedException}
     * passes through; anything else the adapter throws, or a call that hangs, becomes a rule-aware failure.
     */
    @Override
    public Object call(String what, java.util.concurrent.Callable<Object> call) {
        NotRun.ifStopped();
        if (timeout.equals(Timeouts.UNLIMITED)) {
            return direct(what, call);
        }
        try {
            return CallLane.run(call, timeout.toNanos());
        } catch (TimeoutException hung) {
            RunLimits.hung();
            throw failure(
                    "the adapter did not answer within " + Timeouts.describe(timeout) + " (" + what
                            + "); the call was abandoned. Raise the limit with -D" + Timeouts.PROPERTY
                            + "=DURATION, or tag "
                            + "the scenario " + Timeouts.TAG_PREFIX + "DURATION, if the implementation is merely slow",
                    (Throwable) null);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure("the run was interrupted while waiting for the adapter (" + what + ")", interrupted);
        } catch (ExecutionException e) {
            throw unexpected(what, e.getCause());
        }
    }

    /** A call on this thread, for {@link Timeouts#UNLIMITED}: the same outcomes without the hand-over. */
    private Object direct(String what, java.util.concurrent.Callable<Object> call) {
        try {
            return call.call();
        } catch (Exception | Error e) {
            throw unexpected(what, e);
        }
    }

    /**
     * A call's exception as the scenario sees it: a rejection is returned for the caller to throw; a kit
     * failure is thrown as it is, anything else as a failure that names the call.
     */
    private RuntimeException unexpected(String what, Throwable cause) {
        Throwable thrown = cause instanceof GuardedAdapter.AdapterError ? cause.getCause() : cause;
        if (thrown instanceof RejectedException rejected) {
            return rejected;
        }
        if (thrown instanceof AssertionFailedError failed) {
            throw failed;
        }
        if (thrown instanceof NotJudged notJudged) {
            throw notJudged;
        }
        NotApplicable.notAskable(thrown).ifPresent(n -> {
            throw n;
        });
        throw failure(
                "the adapter threw " + thrown.getClass().getName() + " from " + what + " instead of answering "
                        + "or rejecting with a RejectedException: " + thrown.getMessage(),
                thrown);
    }

    /** Runs a call that returns nothing; see {@link #attempt(Supplier)}. */
    public void attemptRun(Runnable call) {
        attempt(() -> {
            call.run();
            return Boolean.TRUE;
        });
    }

    /** The value of the last call, failing the rule if it was rejected. */
    @SuppressWarnings("unchecked")
    public <T> T lastValue(String what) {
        Outcome outcome = requireLast();
        if (outcome.rejection != null) {
            throw failure(
                    what + ": the adapter rejected the call with "
                            + outcome.rejection.status().name() + " (" + outcome.rejection.getMessage() + ")",
                    outcome.rejection);
        }
        return (T) outcome.value;
    }

    /** Whether the last call was rejected (with any status); for steps that accept either outcome. */
    public boolean lastRejected() {
        return requireLast().rejection != null;
    }

    /** Asserts the last call was rejected with the named status. */
    public void expectRejected(String statusName) {
        Outcome outcome = requireLast();
        if (outcome.rejection == null) {
            throw failure(
                    "the call was accepted (answer: " + outcome.value + ") but must be rejected with " + statusName,
                    statusName,
                    String.valueOf(outcome.value));
        }
        String actual = outcome.rejection.status().name();
        if (!actual.equals(statusName)) {
            throw failure(
                    "the call was rejected with the wrong status (" + outcome.rejection.getMessage() + ")",
                    statusName,
                    actual);
        }
    }

    /** Asserts the last call was accepted. */
    public void expectAccepted(String what) {
        lastValue(what);
    }

    /** Asserts two values are equal, naming the rule on failure. */
    public void expectEqual(String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw failure(what, expected, actual);
        }
    }

    /** Asserts a condition, naming the rule on failure. */
    public void expectThat(String what, boolean condition) {
        if (!condition) {
            throw failure(what, null);
        }
    }

    /**
     * Asserts that a refused call changed nothing: {@code before} and {@code after} are two snapshots of the
     * same domain (see {@link StateSnapshot}), taken before and after the call. The failure names each value
     * that changed, with what it was and what it became. {@code before} is null when no call was made whose
     * effect could be checked, which is itself a mistake of the scenario or of the adapter.
     */
    public void expectUnchanged(String what, Record before, Record after) {
        if (before == null) {
            throw failure(
                    what + ": nothing was recorded before a call, so there is no state to compare with; the scenario "
                            + "must make the call that is to be refused",
                    null);
        }
        java.util.List<StateSnapshot.Change> changes = StateSnapshot.changes(before, after);
        if (changes.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(header())
                .append("\n  Checked:  ")
                .append(what)
                .append(" must be as it was before the refused call")
                .append("\n  Changed:  ")
                .append(changes.size())
                .append(changes.size() == 1 ? " value" : " values");
        for (StateSnapshot.Change change : changes) {
            text.append("\n    ").append(change);
        }
        text.append("\n  Check:    a call the implementation refuses must leave every one of these as it was; "
                + "look for state changed before the check that refuses the call, or not undone when it fails");
        throw new AssertionFailedError(
                text.toString(),
                changes.stream().map(c -> c.field() + ": " + c.before()).toList(),
                changes.stream().map(c -> c.field() + ": " + c.after()).toList());
    }

    /** A rule-aware assertion failure with expected and actual values. */
    public AssertionFailedError failure(String what, Object expected, Object actual) {
        return new AssertionFailedError(
                header() + "\n  Checked:  " + what + "\n  Expected: " + expected + "\n  Actual:   " + actual,
                expected,
                actual);
    }

    /** A rule-aware assertion failure. */
    public AssertionFailedError failure(String what, Throwable cause) {
        return new AssertionFailedError(header() + "\n  Checked:  " + what, cause);
    }

    private String header() {
        return rule == null ? "Conformance check failed" : "Rule broken: " + rule.describe();
    }

    private Outcome requireLast() {
        if (last == null) {
            throw new IllegalStateException("No call into the adapter has been made in this scenario yet");
        }
        return last;
    }

    private static final class Outcome {
        final Object value;
        final RejectedException rejection;

        Outcome(Object value, RejectedException rejection) {
            this.value = value;
            this.rejection = rejection;
        }
    }
}
