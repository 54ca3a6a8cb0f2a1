package org.gmck.engine;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the engine did with one access.
 *
 * @param fault the exception delivered, if any
 * @param physical the engine's own translation of the address (QEMU's debug walker, asked before the access;
 *                 Bochs's debugger, asked after a successful one)
 *                 (present only if the query asked for it and the debug walker found a mapping)
 * @param memoryAfter every word of the query's memory after the access (A/D updates show here)
 */
public record MachineOutcome(Optional<Fault> fault, Optional<Long> physical, SortedMap<Long, Long> memoryAfter) {

    public MachineOutcome {
        memoryAfter = new TreeMap<>(memoryAfter);
    }

    /**
     * An exception delivered instead of completing the access.
     *
     * @param vector the exception vector (14 for #PF, 13 for #GP)
     * @param errorCode the error code pushed, for vectors that push one
     * @param cr2 CR2 after delivery; for #PF the faulting linear address
     */
    public record Fault(int vector, Optional<Long> errorCode, long cr2) {}

    /** Convenience for tests: the word at {@code address} after the access. */
    public long after(long address) {
        Long v = memoryAfter.get(address);
        if (v == null) {
            throw new IllegalArgumentException("not part of the query: " + Long.toHexString(address));
        }
        return v;
    }

    /** The outcome, with a copy of {@code after}. */
    public static MachineOutcome of(Optional<Fault> fault, Optional<Long> physical, Map<Long, Long> after) {
        return new MachineOutcome(fault, physical, new TreeMap<>(after));
    }
}
