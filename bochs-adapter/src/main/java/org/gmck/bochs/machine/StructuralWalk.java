package org.gmck.bochs.machine;

import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.LongPredicate;
import org.gmck.engine.MachineQuery;

/**
 * Where a query's address points if its tables are followed by their present and page-size bits alone (no
 * rights, no reserved bits). Used only to plant the trap instruction a fetch executes: if Bochs completes the
 * fetch, it used this frame, and if the walk stops early the fetch faults anyway.
 */
final class StructuralWalk {

    private static final long ADDRESS = 0x000F_FFFF_FFFF_F000L;

    private StructuralWalk() {}

    static Optional<Long> physical(MachineQuery q) {
        return walk(q, a -> {});
    }

    /**
     * Whether the walk reads an entry at a physical address {@code outside} holds: where Bochs does not read
     * what the query's memory says (all ones above its RAM, the harness, the BIOS).
     */
    static boolean readsWhere(MachineQuery q, LongPredicate outside) {
        boolean[] found = {false};
        walk(q, a -> found[0] |= outside.test(a));
        return found[0];
    }

    private static Optional<Long> walk(MachineQuery q, LongConsumer reads) {
        long lin = q.linear();
        switch (q.mode()) {
            case BITS32: {
                long pde = dword(q, reads, (q.cr3() & 0xFFFF_F000L) + 4 * (lin >>> 22 & 0x3FF));
                if ((pde & 1) == 0) {
                    return Optional.empty();
                }
                if (q.pse() && (pde & 0x80) != 0) {
                    long base = pde & 0xFFC0_0000L | (pde >>> 13 & 0xFF) << 32;
                    return Optional.of(base | lin & 0x3F_FFFF);
                }
                long pte = dword(q, reads, (pde & 0xFFFF_F000L) + 4 * (lin >>> 12 & 0x3FF));
                return (pte & 1) == 0 ? Optional.empty() : Optional.of(pte & 0xFFFF_F000L | lin & 0xFFF);
            }
            case PAE: {
                long pdpte = qword(q, reads, (q.cr3() & 0xFFFF_FFE0L) + 8 * (lin >>> 30 & 3));
                return (pdpte & 1) == 0 ? Optional.empty() : below(q, reads, pdpte & ADDRESS, lin, 2);
            }
            case LEVEL4:
                return below(q, reads, q.cr3() & ADDRESS, lin, 4);
            case LEVEL5:
                return below(q, reads, q.cr3() & ADDRESS, lin, 5);
            default:
                throw new IllegalStateException(q.mode().name());
        }
    }

    /** Walks {@code levels} levels of 8-byte entries from {@code table}; PS counts at the PDPTE and the PDE. */
    private static Optional<Long> below(MachineQuery q, LongConsumer reads, long table, long lin, int levels) {
        for (int level = levels; level >= 1; level--) {
            int shift = 12 + 9 * (level - 1);
            long e = qword(q, reads, table + 8 * (lin >>> shift & 511));
            if ((e & 1) == 0) {
                return Optional.empty();
            }
            if ((level == 2 || level == 3) && (e & 0x80) != 0) {
                long size = 1L << shift;
                return Optional.of(e & ADDRESS & ~(size - 1) | lin & (size - 1));
            }
            table = e & ADDRESS;
        }
        return Optional.of(table | lin & 0xFFF);
    }

    private static long qword(MachineQuery q, LongConsumer reads, long address) {
        reads.accept(address);
        return q.memory().getOrDefault(address & ~7L, 0L);
    }

    private static long dword(MachineQuery q, LongConsumer reads, long address) {
        reads.accept(address);
        return q.memory().getOrDefault(address & ~7L, 0L) >>> (8 * (address & 4)) & 0xFFFF_FFFFL;
    }
}
