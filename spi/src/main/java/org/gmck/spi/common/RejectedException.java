package org.gmck.spi.common;

import java.util.Objects;

/**
 * Thrown by an adapter when a call is refused for bad input: unknown ids, double frees, foreign pages,
 * misaligned addresses, out-of-range values, exhausted memory, inconsistent registers.
 *
 * <p>Contract: a rejected call leaves every observable state unchanged. The kit checks this.
 */
public class RejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Status status;

    public RejectedException(Status status, String message) {
        super(Objects.requireNonNull(status, "status").name() + ": " + message);
        this.status = status;
    }

    /** Why the call was refused. */
    public Status status() {
        return status;
    }
}
