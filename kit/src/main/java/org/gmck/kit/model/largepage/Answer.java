package org.gmck.kit.model.largepage;

import java.util.Objects;
import java.util.Optional;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.largepage.LargePageStatus;

/**
 * What a call answered: a value, or a refusal with its status.
 *
 * @param value  the value when accepted ({@code Boolean.TRUE} for calls that return nothing)
 * @param status the status when refused, else null
 */
record Answer(Object value, LargePageStatus status) {

    static final Answer DONE = new Answer(Boolean.TRUE, null);

    static Answer of(Object value) {
        return new Answer(value, null);
    }

    static Answer refused(LargePageStatus status) {
        return new Answer(null, Objects.requireNonNull(status));
    }

    /** Runs a call into the adapter and records what it answered; anything but a typed refusal goes through. */
    static Answer from(java.util.function.Supplier<Object> call) {
        try {
            return of(call.get());
        } catch (RejectedException e) {
            if (e.status() instanceof LargePageStatus status) {
                return refused(status);
            }
            throw new IllegalStateException("refused with " + e.status() + ", which is not a large-page status", e);
        }
    }

    boolean accepted() {
        return status == null;
    }

    Optional<LargePageStatus> refusal() {
        return Optional.ofNullable(status);
    }

    @Override
    public String toString() {
        return accepted() ? String.valueOf(value) : "refused with " + status;
    }
}
