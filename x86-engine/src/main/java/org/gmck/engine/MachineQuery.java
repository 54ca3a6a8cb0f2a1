package org.gmck.engine;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One question for the machine: with this physical memory and these control bits, what does one access
 * at {@code linear} from {@code cpl} do?
 *
 * @param memory physical memory the query needs, as 8-byte little-endian words keyed by 8-aligned address;
 *               everything else is zero
 * @param cr3 the whole CR3 value
 * @param pkru the PKRU value, loaded only when {@code pke} is set
 * @param pkrs the IA32_PKRS value, loaded only when {@code pks} is set
 * @param ac EFLAGS.AC
 */
public record MachineQuery(
        PagingMode mode,
        long cr3,
        boolean wp,
        boolean pse,
        boolean nxe,
        boolean smep,
        boolean smap,
        boolean pke,
        int pkru,
        boolean pks,
        int pkrs,
        boolean ac,
        int cpl,
        AccessKind kind,
        long linear,
        SortedMap<Long, Long> memory) {

    public MachineQuery {
        if (cpl < 0 || cpl > 3) {
            throw new IllegalArgumentException("CPL " + cpl);
        }
        for (Map.Entry<Long, Long> e : memory.entrySet()) {
            if ((e.getKey() & 7) != 0 || e.getKey() < 0) {
                throw new IllegalArgumentException(
                        "memory words must be 8-byte aligned: " + Long.toHexString(e.getKey()));
            }
        }
        memory = new TreeMap<>(memory);
    }
}
