package org.gmck.qemu.binding;

import java.util.List;
import org.gmck.engine.MachineOutcome;
import org.gmck.engine.MachineQuery;

/**
 * Where the MMU's queries go: a {@link org.gmck.qemu.machine.QemuMachine} (one single-stepped access per
 * query) or, while a batch is being answered, the thread's {@link QueryCache}.
 */
interface MachineAccess {

    /** The outcome of one query, as {@link org.gmck.qemu.machine.QemuMachine#access} gives it. */
    MachineOutcome access(MachineQuery q, boolean askPhysical);

    /** Queries (without the physical address) about to be asked; a batch asks them together. */
    default void expect(List<MachineQuery> queries) {}
}
