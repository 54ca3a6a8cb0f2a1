package org.gmck.qemu.machine;

import org.gmck.engine.MachineFailureException;
import org.gmck.engine.MachineOutcome;
import org.gmck.engine.QueryRejectedException;

/**
 * The machine's answer to one query of a batch: the outcome, or the exception the query raised (a {@link
 * QueryRejectedException} or {@link MachineFailureException}, exactly as {@link QemuMachine#access} throws
 * it); {@code batched} tells whether the in-guest loop answered it or the single-step path did.
 */
public record BatchAnswer(MachineOutcome outcome, RuntimeException error, boolean batched) {

    /** The outcome, or the query's exception rethrown. */
    public MachineOutcome get() {
        if (error != null) {
            throw error;
        }
        return outcome;
    }
}
