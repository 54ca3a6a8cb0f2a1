package org.gmck.qemu.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.TreeMap;
import org.gmck.engine.AccessKind;
import org.gmck.engine.MachineQuery;
import org.gmck.engine.PagingMode;
import org.junit.jupiter.api.Test;

/** The host's own walk that behaves as QEMU's debug translation does: P and PS only, PSE-36 bits, the harness's memory unknown. */
class DebugWalkTest {

    private static final long HARNESS = 16L << 20, RAM_TOP = 17L << 20;

    private static MachineQuery query(PagingMode mode, boolean pse, long cr3, long linear, TreeMap<Long, Long> m) {
        return new MachineQuery(
                mode, cr3, false, pse, false, false, false, false, 0, false, 0, false, 0, AccessKind.READ, linear, m);
    }

    private static DebugWalk.Result walk(MachineQuery q) {
        return DebugWalk.of(q, HARNESS, RAM_TOP);
    }

    @Test
    void a32BitLargePageTakesItsPse36BitsAndIgnoresRights() {
        TreeMap<Long, Long> m = new TreeMap<>();
        // PDE 1 (linear 0x400000..): 4 MiB page at 0x3_0080_0000 (bits 13..20 hold 0x03 -> address bits 32..39),
        // supervisor read-only with a reserved bit 21 set: the debug walk does not care
        long pde = 0x0080_0000L | 0x3L << 13 | 1L << 21 | 0x81;
        m.put(0x100000L, pde << 32);
        MachineQuery q = query(PagingMode.BITS32, true, 0x100000, 0x0041_2345, m);
        assertEquals(Optional.of(0x3_0081_2345L), walk(q).physical());
        // without CR4.PSE the PDE points to a page table, whose entry is zero
        assertEquals(DebugWalk.Result.UNMAPPED, walk(query(PagingMode.BITS32, false, 0x100000, 0x0041_2345, m)));
    }

    @Test
    void longModeStopsAtA1GiBLeafAndChecksCanonicalAddresses() {
        TreeMap<Long, Long> m = new TreeMap<>();
        m.put(0x100000L, 0x101000L | 1); // PML4E 0
        m.put(0x101000L + 8, 0x40000000L | 0x80 | 1 | 1L << 63); // PDPTE 1: 1 GiB page at 1 GiB, NX
        MachineQuery q = query(PagingMode.LEVEL4, false, 0x100000, 0x4123_4567L, m);
        assertEquals(Optional.of(0x4123_4567L), walk(q).physical());
        assertEquals(
                DebugWalk.Result.UNMAPPED, walk(query(PagingMode.LEVEL4, false, 0x100000, 0x0000_8000_4123_4567L, m)));
    }

    @Test
    void paeUsesTheFourPdptesAtCr3AndA2MiBPage() {
        TreeMap<Long, Long> m = new TreeMap<>();
        m.put(0x100020L + 8 * 2, 0x200000L | 1); // PDPTE 2 of a PDPT at 0x100020
        m.put(0x200000L + 8 * 3, 0x0060_0000L | 0x80 | 1); // PDE 3: 2 MiB page at 6 MiB
        MachineQuery q = query(PagingMode.PAE, false, 0x100020, 0x8061_2345L, m);
        assertEquals(Optional.of(0x0061_2345L), walk(q).physical());
    }

    @Test
    void aWalkThroughHarnessMemoryHasNoAnswer() {
        TreeMap<Long, Long> m = new TreeMap<>();
        m.put(0x100000L, HARNESS | 1); // PML4E 0 points into the harness
        assertTrue(walk(query(PagingMode.LEVEL4, false, 0x100000, 0x1000, m)).unknown());
        TreeMap<Long, Long> beyond = new TreeMap<>();
        beyond.put(0x100000L, RAM_TOP | 1); // beyond QEMU's RAM reads are zero: not present
        assertEquals(DebugWalk.Result.UNMAPPED, walk(query(PagingMode.LEVEL4, false, 0x100000, 0x1000, beyond)));
    }
}
