package org.gmck.bochs.binding;

import java.time.Duration;
import org.gmck.bochs.machine.BochsMachine;

/** One Bochs machine per thread (the kit may call from several threads), started on its first query. */
final class MachinePool {

    /** Per-exchange deadline; a guest that does not stop in this time is a hung Bochs. */
    static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("bochs.timeoutSeconds", 10));

    private static final ThreadLocal<BochsMachine> MACHINES =
            ThreadLocal.withInitial(() -> new BochsMachine(BochsCpu.MODEL, TIMEOUT));

    private MachinePool() {}

    /** This thread's machine. */
    static BochsMachine machine() {
        return MACHINES.get();
    }
}
