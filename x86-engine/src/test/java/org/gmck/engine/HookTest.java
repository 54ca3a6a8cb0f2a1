package org.gmck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Where the harness window is hooked into a query's tables, and that the choice follows from the query alone. */
class HookTest {

    private static final HarnessTables TABLES = new HarnessTables(0x8000, 0x9000, 0xA000, 0xB000, 0xC000);

    private static MachineQuery query(PagingMode mode, long linear, SortedMap<Long, Long> memory) {
        return new MachineQuery(
                mode,
                0x10000,
                true,
                false,
                false,
                false,
                false,
                false,
                0,
                false,
                0,
                false,
                0,
                AccessKind.READ,
                linear,
                memory);
    }

    @Test
    void aFourLevelQueryIsHookedAtTheFirstFreePml4Slot() {
        Hook h = Hook.plan(query(PagingMode.LEVEL4, 0x1000, new TreeMap<>()), TABLES);
        assertEquals(Window.longMode(510), h.window());
        assertEquals(0x10000 + 8 * 510, h.address());
        assertEquals(0xB000 | HarnessTables.TABLE, h.value());
        assertEquals(8, h.width());
        assertEquals(Optional.empty(), h.sharedEntry());
    }

    @Test
    void aSlotTheTestUsesOrTheAccessTakesIsPassedOver() {
        SortedMap<Long, Long> memory = new TreeMap<>();
        memory.put(0x10000L + 8 * 510, 0x11007L);
        Hook used = Hook.plan(query(PagingMode.LEVEL4, 0x1000, memory), TABLES);
        assertEquals(Window.longMode(509), used.window());
        Hook taken = Hook.plan(query(PagingMode.LEVEL4, 0xFFFF_FF00_0000_0000L, new TreeMap<>()), TABLES);
        assertEquals(Window.longMode(509), taken.window(), "the access itself runs through PML4E 510");
    }

    @Test
    void aThirtyTwoBitQueryLinksTheLegacyPageTable() {
        Hook h = Hook.plan(query(PagingMode.BITS32, 0x1000, new TreeMap<>()), TABLES);
        assertEquals(Window.LEGACY.get(0), h.window());
        assertEquals(4, h.width());
        assertEquals(0x8000 | HarnessTables.TABLE, h.value());
        assertEquals(0x10000 + 4 * (Window.LEGACY.get(0).base() >>> 22), h.address());
    }

    @Test
    void aPaeQueryWhosePdpteIsUsedSharesIt() {
        SortedMap<Long, Long> memory = new TreeMap<>();
        for (int k = 0; k < 4; k++) {
            memory.put(0x10000L + 8 * k, 0x20001L + 0x1000L * k);
        }
        Hook h = Hook.plan(query(PagingMode.PAE, 0x1000, memory), TABLES);
        assertEquals(Window.legacy(3), h.window());
        assertEquals(0x23000L + 8 * 511, h.address());
        assertEquals(0x9000 | HarnessTables.TABLE, h.value());
        assertEquals(Optional.of(0x10000L + 8 * 3), h.sharedEntry());
    }

    @Test
    void theSameQueryGetsTheSameHookWhateverCameBefore() {
        MachineQuery q = query(PagingMode.PAE, 0x4000_0000L, new TreeMap<>());
        Hook first = Hook.plan(q, TABLES);
        Hook.plan(query(PagingMode.PAE, 0xC000_0000L, new TreeMap<>()), TABLES);
        assertEquals(first, Hook.plan(q, TABLES));
    }

    @Test
    void aQueryThatLeavesNoSlotFreeIsRefused() {
        SortedMap<Long, Long> memory = new TreeMap<>();
        memory.put(0x10000L + 8 * 511, 0x11007L);
        QueryRejectedException e = assertThrows(
                QueryRejectedException.class, () -> Hook.plan(query(PagingMode.LEVEL5, 0x1000, memory), TABLES));
        assertTrue(e.getMessage().contains("no harness window fits"), e.getMessage());
    }
}
