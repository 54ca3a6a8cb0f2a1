package org.gmck.kit.steps.largepage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gmck.kit.Numbers;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.largepage.MemorySlot;
import org.gmck.spi.largepage.ShadowMmu;

/**
 * Everything a scenario can see of an MMU at the addresses it has named: the slots, whether each named
 * page is write-protected, the large-mapping decision of each named frame, the entry translating each named
 * address and, with the introspection profile, the counters. Two observations are compared to check that a
 * refused call changed nothing.
 */
record MmuObservation(List<MemorySlot> slots, Map<String, String> seen) {

    private static final long FRAME_MASK = ~((1L << 21) - 1);

    static MmuObservation of(ShadowMmu mmu, Set<Long> addresses, boolean introspection) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (long address : addresses) {
            String at = Numbers.hex(address);
            seen.put("write-protected " + at, String.valueOf(mmu.writeProtected(address)));
            seen.put("entry for " + at, String.valueOf(mmu.entryFor(address)));
            seen.put("decision for frame " + at, answer(() -> mmu.largeMappingDecision(address & FRAME_MASK)));
            if (introspection) {
                seen.put("count for " + at, answer(() -> mmu.writeProtectCount(address)));
            }
        }
        if (introspection) {
            for (MemorySlot slot : mmu.slots()) {
                seen.put(
                        "counters of slot " + Numbers.hex(slot.guestBase()),
                        String.valueOf(mmu.counters(slot.guestBase())));
            }
        }
        return new MmuObservation(mmu.slots(), seen);
    }

    private static String answer(java.util.function.Supplier<Object> call) {
        try {
            return String.valueOf(call.get());
        } catch (RejectedException e) {
            return "rejected " + e.status().name();
        }
    }
}
