package org.gmck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.Supplier;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.common.Status;

/** Checks the contract for bad input: a typed refusal with the expected status, and nothing observable changed. */
public final class Refusals {

    private Refusals() {}

    /** One row of a bad-input table: what is asked, and the status it must be refused with. */
    public record Case(String name, Status expected, Runnable call) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Runs {@code call}, which must throw a {@link RejectedException} with {@code expected}, and compares the
     * observable state before and after.
     */
    public static void assertRefusedUnchanged(Supplier<?> state, Case c) {
        Object before = state.get();
        try {
            c.call().run();
            fail(c.name() + ": accepted; expected a refusal with "
                    + c.expected().name());
        } catch (RejectedException e) {
            assertEquals(c.expected().name(), e.status().name(), c.name() + ": " + e.getMessage());
        } catch (RuntimeException | Error e) {
            throw new AssertionError(
                    c.name() + ": expected a refusal with " + c.expected().name() + " but got " + e, e);
        }
        assertEquals(before, state.get(), c.name() + ": the refused call changed the observable state");
    }
}
