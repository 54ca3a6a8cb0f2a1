package org.gmck.kit.steps.largepage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gmck.kit.Numbers;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.largepage.CounterArray;
import org.gmck.spi.largepage.MemorySlot;
import org.gmck.spi.largepage.ShadowEntry;
import org.gmck.spi.largepage.ShadowMmu;

/**
 * Everything a scenario can see of an MMU at the addresses it has named: the slots, whether each named
 * page is write-protected, the entry translating each named address, the large-mapping decision of the frame
 * holding each named address and, with the introspection profile, the write-protect counts and counters. Two
 * observations are compared (see {@link org.gmck.kit.StateSnapshot}) to check that a refused call changed
 * nothing. An answer the MMU refuses is kept as the status it refused with.
 *
 * @param writeProtected    whether the page of each named address is write-protected
 * @param entries           the shadow entry translating each named address
 * @param decisions         the large-mapping decision of the frame holding each named address
 * @param writeProtectCounts the write-protect count of each named address (introspection only)
 * @param counters          the counters of each slot, by its guest base (introspection only)
 * @param slots             the memory slots
 */
record MmuObservation(
        Map<String, Boolean> writeProtected,
        Map<String, Optional<ShadowEntry>> entries,
        Map<String, Object> decisions,
        Map<String, Object> writeProtectCounts,
        Map<String, CounterArray> counters,
        List<MemorySlot> slots) {

    private static final long FRAME_MASK = ~((1L << 21) - 1);

    static MmuObservation of(ShadowMmu mmu, Set<Long> addresses, boolean introspection) {
        Map<String, Boolean> writeProtected = new LinkedHashMap<>();
        Map<String, Optional<ShadowEntry>> entries = new LinkedHashMap<>();
        Map<String, Object> decisions = new LinkedHashMap<>();
        Map<String, Object> counts = new LinkedHashMap<>();
        Map<String, CounterArray> counters = new LinkedHashMap<>();
        for (long address : addresses) {
            String at = Numbers.hex(address);
            writeProtected.put(at, mmu.writeProtected(address));
            entries.put(at, mmu.entryFor(address));
            decisions.put(at, answer(() -> mmu.largeMappingDecision(address & FRAME_MASK)));
            if (introspection) {
                counts.put(at, answer(() -> mmu.writeProtectCount(address)));
            }
        }
        if (introspection) {
            for (MemorySlot slot : mmu.slots()) {
                counters.put(Numbers.hex(slot.guestBase()), mmu.counters(slot.guestBase()));
            }
        }
        return new MmuObservation(writeProtected, entries, decisions, counts, counters, mmu.slots());
    }

    private static Object answer(java.util.function.Supplier<Object> call) {
        try {
            return call.get();
        } catch (RejectedException e) {
            return "rejected " + e.status().name();
        }
    }
}
