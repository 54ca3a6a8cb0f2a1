package org.gmck.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What an adapter returns is copied as it crosses: refilling its own objects afterwards changes nothing the kit holds. */
class ValuesTest {

    record Holder(List<Long> ids, long[] words, Optional<List<String>> names) {}

    @Test
    void aListTheAdapterRefillsLaterKeepsWhatItHeld() {
        List<Long> live = new ArrayList<>(List.of(1L, 2L));
        Object frozen = Values.freeze(live);
        live.clear();
        live.add(9L);
        assertEquals(List.of(1L, 2L), frozen);
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) frozen).clear());
    }

    @Test
    void recordsAreRebuiltFromFrozenParts() {
        List<Long> ids = new ArrayList<>(List.of(3L));
        long[] words = {7L, 8L};
        List<String> names = new ArrayList<>(List.of("a"));
        Holder frozen = (Holder) Values.freeze(new Holder(ids, words, Optional.of(names)));
        ids.add(4L);
        words[0] = 0;
        names.set(0, "b");
        assertEquals(List.of(3L), frozen.ids());
        assertArrayEquals(new long[] {7L, 8L}, frozen.words());
        assertEquals(Optional.of(List.of("a")), frozen.names());
        assertNotSame(words, frozen.words());
    }

    @Test
    void nullsAndMapsSurviveTheCopy() {
        List<Long> withNull = new ArrayList<>(Arrays.asList(1L, null));
        assertEquals(Arrays.asList(1L, null), Values.freeze(withNull));
        Map<String, List<Long>> map = new HashMap<>(Map.of("k", new ArrayList<>(List.of(5L))));
        Object frozen = Values.freeze(map);
        map.get("k").add(6L);
        assertEquals(Map.of("k", List.of(5L)), frozen);
        assertEquals(null, Values.freeze(null));
    }
}
