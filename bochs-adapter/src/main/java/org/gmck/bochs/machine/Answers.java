package org.gmck.bochs.machine;

import org.gmck.engine.MachineFailureException;
import org.gmck.engine.MachineOutcome;
import org.gmck.engine.MachineQuery;
import org.gmck.engine.QueryRejectedException;

/**
 * Whatever answers machine queries: a running {@link BochsMachine}, or the answers a {@link BatchMachine} already
 * collected for them.
 */
public interface Answers {

    /**
     * What Bochs does with {@code q}; with {@code translate}, a successful access also reports the physical
     * address. Throws {@link QueryRejectedException}, {@link Cr3LoadRefusedException} or {@link
     * MachineFailureException} as {@link BochsMachine#access} does.
     */
    MachineOutcome access(MachineQuery q, boolean translate);
}
