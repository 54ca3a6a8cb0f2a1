package org.gmck.kit.model.gmm;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.gmck.kit.model.Disagreement;
import org.gmck.spi.common.RejectedException;

/**
 * The comparisons after one GMM operation, stopping at the first that fails. Like the framework's
 * {@code Comparisons}, but the words and the Then-step are only written out for a comparison that fails, since
 * a GMM operation compares hundreds of values (every page it touched).
 */
final class Checks {

    private Disagreement found;

    boolean failed() {
        return found != null;
    }

    Optional<Disagreement> result() {
        return Optional.ofNullable(found);
    }

    /** Records a disagreement found some other way, unless one was found already. */
    Checks fail(String rule, String difference, String then) {
        if (found == null) {
            found = new Disagreement(rule, difference, then);
        }
        return this;
    }

    /** The adapter's value, already read, must equal the model's. */
    Checks equal(String rule, Object expected, Object actual, Supplier<String> what, Supplier<String> then) {
        if (found == null && !Objects.equals(expected, actual)) {
            found = new Disagreement(rule, what.get() + ": expected " + expected + ", got " + actual, then.get());
        }
        return this;
    }

    /** As {@link #equal}, for numbers the message shows in hexadecimal (written only when they differ). */
    Checks equalHex(String rule, long expected, long actual, Supplier<String> what, Supplier<String> then) {
        if (found == null && expected != actual) {
            found = new Disagreement(
                    rule,
                    what.get() + ": expected " + GmmGherkin.hex(expected) + ", got " + GmmGherkin.hex(actual),
                    then.get());
        }
        return this;
    }

    /** A condition on what the adapter did must hold. */
    Checks that(String rule, boolean holds, Supplier<String> what, Supplier<String> then) {
        if (found == null && !holds) {
            found = new Disagreement(rule, what.get(), then.get());
        }
        return this;
    }

    /**
     * Reads a value from the adapter for comparisons of {@code rule}; a refusal to answer is a disagreement and
     * gives null, as does a read after a disagreement was found.
     */
    <T> T read(String rule, Supplier<T> read, Supplier<String> what, Supplier<String> then) {
        if (found != null) {
            return null;
        }
        try {
            return read.get();
        } catch (RejectedException e) {
            found = new Disagreement(
                    rule,
                    what.get() + ": the adapter refused to answer (" + e.status() + ": " + e.getMessage() + ")",
                    then.get());
            return null;
        }
    }
}
