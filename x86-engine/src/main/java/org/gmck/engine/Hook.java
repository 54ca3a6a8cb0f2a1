package org.gmck.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.gmck.spi.x86.EntryField;
import org.gmck.spi.x86.EntryFlag;

/**
 * How the harness window is hooked into a query's paging structures: one entry written into a slot the
 * test leaves empty (or, for PAE, below a PDPTE the test uses, which is then shared with the harness).
 *
 * @param window the window used
 * @param address physical address of the hook entry
 * @param value the hook entry
 * @param width entry width in bytes (4 or 8)
 * @param sharedEntry a test entry the harness walks through (a PAE PDPTE), whose A bit the harness sets
 */
public record Hook(Window window, long address, long value, int width, Optional<Long> sharedEntry) {

    private static final long ADDRESS_52 = EntryField.ADDRESS_64.mask();
    private static final long PRESENT = EntryFlag.PRESENT.mask();

    /**
     * Picks the first window, in the fixed order of the candidates, whose slot the query leaves free and
     * whose path the access does not take. The order does not depend on the window loaded before: a window
     * that shares a PAE PDPTE with the test hides that PDPTE's A bit, so the choice must follow from the
     * query alone for its outcome to.
     */
    public static Hook plan(MachineQuery q, HarnessTables h) {
        List<Window> candidates = q.mode().longMode() ? Window.LONG : Window.LEGACY;
        for (Window w : candidates) {
            Optional<Hook> found = tryWindow(q, w, h);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new QueryRejectedException("no harness window fits: the test's paging structures (or the access "
                + "itself) occupy every candidate slot " + describe(candidates, q.mode()));
    }

    private static String describe(List<Window> candidates, PagingMode mode) {
        StringBuilder s = new StringBuilder();
        for (Window w : candidates) {
            s.append(s.length() == 0 ? "" : ", ")
                    .append(
                            switch (mode) {
                                case BITS32 -> "PDE " + (w.base() >>> 22);
                                case PAE -> "PDPTE " + w.topIndex() + "/PDE 511";
                                case LEVEL4 -> "PML4E " + w.topIndex();
                                case LEVEL5 -> "PML5E 511/PML4E " + w.topIndex();
                            });
        }
        return "(" + s + ")";
    }

    private static Optional<Hook> tryWindow(MachineQuery q, Window w, HarnessTables h) {
        long lin = q.linear();
        SortedMap<Long, Long> mem = q.memory();
        switch (q.mode()) {
            case BITS32: {
                int index = (int) (w.base() >>> 22);
                long slot = EntryField.ADDRESS_32.of(q.cr3()) + 4L * index;
                if ((lin >>> 22 & 0x3FF) == index || !free(mem, slot, 4)) {
                    return Optional.empty();
                }
                return Optional.of(new Hook(w, slot, h.pt32() | HarnessTables.TABLE, 4, Optional.empty()));
            }
            case PAE: {
                int k = w.topIndex();
                long slot = EntryField.PAE_PDPT_IN_CR3.of(q.cr3()) + 8L * k;
                boolean samePdpte = (lin >>> 30 & 3) == k;
                if (free(mem, slot, 8)) {
                    return samePdpte
                            ? Optional.empty()
                            : Optional.of(new Hook(w, slot, h.pd64() | PRESENT, 8, Optional.empty()));
                }
                long pdpte = word(mem, slot);
                if ((pdpte & PRESENT) == 0 || samePdpte && (lin >>> 21 & 511) == 511) {
                    return Optional.empty();
                }
                long pdeSlot = (pdpte & ADDRESS_52) + 8 * 511;
                if (!free(mem, pdeSlot, 8)) {
                    return Optional.empty();
                }
                return Optional.of(new Hook(w, pdeSlot, h.pt64() | HarnessTables.TABLE, 8, Optional.of(slot)));
            }
            case LEVEL4: {
                long slot = (q.cr3() & ADDRESS_52) + 8L * w.topIndex();
                if ((lin >>> 39 & 511) == w.topIndex() || !free(mem, slot, 8)) {
                    return Optional.empty();
                }
                return Optional.of(new Hook(w, slot, h.pdpt64() | HarnessTables.TABLE, 8, Optional.empty()));
            }
            case LEVEL5: {
                long slot = (q.cr3() & ADDRESS_52) + 8L * 511;
                if ((lin >>> 48 & 511) == 511 || !free(mem, slot, 8)) {
                    return Optional.empty();
                }
                return Optional.of(new Hook(w, slot, h.pml4h() | HarnessTables.TABLE, 8, Optional.empty()));
            }
            default:
                throw new IllegalStateException(q.mode().name());
        }
    }

    private static long word(Map<Long, Long> mem, long address) {
        return mem.getOrDefault(address & ~7L, 0L);
    }

    /** Whether the {@code width} bytes at {@code address} are zero in the query's memory. */
    private static boolean free(Map<Long, Long> mem, long address, int width) {
        long w = word(mem, address);
        if (width == 8) {
            return w == 0;
        }
        return (w >>> (8 * (address & 4)) & 0xFFFF_FFFFL) == 0;
    }
}
