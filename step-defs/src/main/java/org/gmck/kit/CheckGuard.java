package org.gmck.kit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.RejectedException;

/**
 * The call guard of a check that is not a scenario: each call into the adapter within the run's timeout. A
 * call that does not answer in time, or throws anything but a rejection, throws an {@link AdapterFailure},
 * which the check records against the case or step that made the call.
 */
public final class CheckGuard implements CallGuard {

    private final Duration timeout;

    public CheckGuard(Duration timeout) {
        this.timeout = timeout;
    }

    /** The adapter with every call it and the objects it hands out receive put under this guard. */
    public ConformanceAdapter guard(ConformanceAdapter adapter) {
        return GuardedAdapter.wrap(adapter, this);
    }

    @Override
    public Object call(String what, Callable<Object> call) {
        try {
            if (timeout.equals(Timeouts.UNLIMITED)) {
                return call.call();
            }
            return CallLane.run(call, timeout.toNanos());
        } catch (TimeoutException hung) {
            RunLimits.hung();
            throw new AdapterFailure(
                    "the adapter did not answer within " + Timeouts.describe(timeout) + " (" + what
                            + "); the call was abandoned",
                    true,
                    null);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AdapterFailure(
                    "the run was interrupted while waiting for the adapter (" + what + ")", false, interrupted);
        } catch (ExecutionException e) {
            throw unexpected(what, e.getCause());
        } catch (Exception | Error e) {
            throw unexpected(what, e);
        }
    }

    private static RuntimeException unexpected(String what, Throwable cause) {
        Throwable thrown = cause instanceof GuardedAdapter.AdapterError ? cause.getCause() : cause;
        if (thrown instanceof RejectedException rejected) {
            return rejected;
        }
        if (thrown instanceof AdapterFailure failure) {
            return failure;
        }
        return new AdapterFailure(
                "the adapter threw " + thrown.getClass().getName() + " from " + what
                        + " instead of answering or rejecting with a RejectedException: " + thrown.getMessage(),
                false,
                thrown);
    }

    /** A call into the adapter that neither answered nor was rejected. */
    public static final class AdapterFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean hung;

        AdapterFailure(String message, boolean hung, Throwable cause) {
            super(message, cause);
            this.hung = hung;
        }

        /** Whether the call did not answer in time (rather than throwing). */
        public boolean hung() {
            return hung;
        }
    }
}
