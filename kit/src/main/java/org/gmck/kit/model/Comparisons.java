package org.gmck.kit.model;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.gmck.spi.common.RejectedException;

/**
 * The comparisons a session makes after one operation, stopping at the first that fails. An observation that
 * the adapter refuses or fails to answer is a disagreement on the comparison's rule.
 *
 * <pre>{@code
 * return Comparisons.start()
 *         .equal("GMM-STATE-7", "VM A's private pages", model.privatePages(a), () -> gmm.vm(a).privatePages(),
 *                 "VM A has " + model.privatePages(a) + " private pages")
 *         .result();
 * }</pre>
 */
public final class Comparisons {

    private Optional<Disagreement> found = Optional.empty();

    private Comparisons() {}

    public static Comparisons start() {
        return new Comparisons();
    }

    /**
     * The adapter's value must equal the model's.
     *
     * @param rule     the rule the comparison belongs to
     * @param what     what is compared, in words
     * @param expected the model's value
     * @param actual   reads the adapter's value
     * @param then     the Then-step that asserts the model's value
     */
    public Comparisons equal(String rule, String what, Object expected, Supplier<?> actual, String then) {
        if (found.isPresent()) {
            return this;
        }
        try {
            Object value = actual.get();
            if (!Objects.equals(expected, value)) {
                found = Optional.of(new Disagreement(rule, what + ": expected " + expected + ", got " + value, then));
            }
        } catch (RejectedException e) {
            found = Optional.of(new Disagreement(
                    rule,
                    what + ": expected " + expected + ", but the adapter refused to answer (" + e.status() + ": "
                            + e.getMessage() + ")",
                    then));
        } catch (RuntimeException e) {
            found = Optional.of(
                    new Disagreement(rule, what + ": expected " + expected + ", but " + e.getMessage(), then));
        }
        return this;
    }

    /** A condition on the adapter's state must hold. */
    public Comparisons that(String rule, String what, Supplier<Boolean> holds, String then) {
        return equal(rule, what, Boolean.TRUE, holds, then);
    }

    /** Adds a disagreement found some other way, unless one was found already. */
    public Comparisons and(Optional<Disagreement> other) {
        if (found.isEmpty()) {
            found = other;
        }
        return this;
    }

    /** The first comparison that failed. */
    public Optional<Disagreement> result() {
        return found;
    }
}
