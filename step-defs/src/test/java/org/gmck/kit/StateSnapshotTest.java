package org.gmck.kit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gmck.kit.StateSnapshot.Change;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Two snapshots are compared value by value, and a difference names exactly the values that changed. */
class StateSnapshotTest {

    record Counts(int free, int allocated) {}

    record Pool(Counts counts, Map<String, Long> owners, List<Long> chunks, String note) {}

    private static Pool pool(int free, int allocated, Map<String, Long> owners, List<Long> chunks) {
        return new Pool(new Counts(free, allocated), owners, chunks, "pool");
    }

    @Test
    void equalSnapshotsHaveNoChange() {
        Pool a = pool(3, 1, Map.of("0x1000", 7L), List.of(1L, 2L));
        Pool b = pool(3, 1, Map.of("0x1000", 7L), List.of(1L, 2L));
        assertEquals(List.of(), StateSnapshot.changes(a, b));
    }

    @Test
    void aChangeNamesTheInnerComponentWithBothValues() {
        Pool a = pool(3, 1, Map.of(), List.of(1L));
        Pool b = pool(2, 2, Map.of(), List.of(1L));
        assertEquals(
                List.of(new Change("counts.free", 3, 2), new Change("counts.allocated", 1, 2)),
                StateSnapshot.changes(a, b));
    }

    @Test
    void mapsAreComparedKeyByKeyAndAMissingKeyIsShownAbsent() {
        Map<String, Long> before = new LinkedHashMap<>();
        before.put("0x1000", 7L);
        before.put("0x2000", 8L);
        Map<String, Long> after = new LinkedHashMap<>();
        after.put("0x1000", 7L);
        after.put("0x2000", 9L);
        after.put("0x3000", 1L);
        List<Change> changes = StateSnapshot.changes(pool(3, 1, before, List.of()), pool(3, 1, after, List.of()));
        assertEquals(
                List.of(new Change("owners[0x2000]", 8L, 9L), new Change("owners[0x3000]", StateSnapshot.ABSENT, 1L)),
                changes);
        assertEquals("owners[0x2000]: 8 -> 9", changes.get(0).toString());
    }

    @Test
    void otherValuesAreComparedWhole() {
        assertEquals(
                List.of(new Change("chunks", List.of(1L, 2L), List.of(1L))),
                StateSnapshot.changes(pool(0, 0, Map.of(), List.of(1L, 2L)), pool(0, 0, Map.of(), List.of(1L))));
    }

    @Test
    void snapshotsOfDifferentKindsAreNotCompared() {
        assertThrows(
                IllegalArgumentException.class,
                () -> StateSnapshot.changes(new Counts(1, 1), pool(1, 1, Map.of(), List.of())));
    }

    @Test
    void theScenarioFailureNamesTheRuleTheChangedValuesAndWhatToCheck() {
        ScenarioContext context = new ScenarioContext();
        assertDoesNotThrow(() -> context.expectUnchanged("the pool", new Counts(1, 2), new Counts(1, 2)));
        AssertionFailedError failure = assertThrows(
                AssertionFailedError.class,
                () -> context.expectUnchanged("the pool", new Counts(1, 2), new Counts(0, 3)));
        String message = failure.getMessage();
        assertTrue(message.contains("the pool must be as it was before the refused call"), message);
        assertTrue(message.contains("Changed:  2 values"), message);
        assertTrue(message.contains("free: 1 -> 0"), message);
        assertTrue(message.contains("allocated: 2 -> 3"), message);
        assertTrue(message.contains("Check:"), message);
    }

    @Test
    void noSnapshotBeforeTheCallFailsTheScenario() {
        ScenarioContext context = new ScenarioContext();
        AssertionFailedError failure = assertThrows(
                AssertionFailedError.class, () -> context.expectUnchanged("the pool", null, new Counts(0, 0)));
        assertTrue(failure.getMessage().contains("nothing was recorded before a call"), failure.getMessage());
    }
}
