package org.gmck.kit.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reader of declared readings accepts well-formed rows, reports malformed ones and knows its tags. */
class ReadingsTest {

    private static final String TABLE = Readings.HEADER + "\n| --- | --- | --- | --- | --- |\n";

    private static final String GOOD = TABLE
            + "| `gmm.mixing` | `never` | Never mixes. | 000, \"Kernel Space\" | GMM-ALLOC-11 |\n"
            + "| `gmm.mixing` | `when-stressed` | Mixes \\| when short. | 002, \"Strategy\" | GMM-ALLOC-11, GMM-SET-8 |\n";

    @Test
    void readsAKeyWithTwoValues() {
        Readings r = Readings.parse(GOOD);
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("never", "when-stressed"), r.values("gmm.mixing"));
        Reading stressed = r.reading("gmm.mixing", "when-stressed").orElseThrow();
        assertEquals("Mixes | when short.", stressed.meaning());
        assertEquals(List.of("GMM-ALLOC-11", "GMM-SET-8"), stressed.rules());
        assertEquals("@reading:gmm.mixing=when-stressed", stressed.tag());
        assertEquals(Optional.of(stressed), r.forTag("@reading:gmm.mixing=when-stressed"));
    }

    @Test
    void anUnknownKeyOrValueNamesNoReading() {
        Readings r = Readings.parse(GOOD);
        assertTrue(r.forTag("@reading:gmm.mixing=sometimes").isEmpty());
        assertTrue(r.forTag("@reading:gmm.other=never").isEmpty());
        assertTrue(r.forTag("@reading:gmm.mixing").isEmpty());
        assertTrue(Reading.isTag("@reading:gmm.mixing"));
    }

    @Test
    void anAdapterMustDeclareAValueTheTableLists() {
        Readings r = Readings.parse(GOOD);
        assertEquals(Optional.empty(), r.misdeclared(Map.of("gmm.mixing", "never", "geometry", "anything")));
        assertTrue(r.misdeclared(Map.of("gmm.mixing", "often")).orElseThrow().contains("never, when-stressed"));
    }

    @Test
    void reportsMalformedRows() {
        Readings r = Readings.parse(TABLE
                + "| GMM.Mixing | never | r | s | GMM-ALLOC-11 |\n"
                + "| gmm.mixing | Never | r | s | GMM-ALLOC-11 |\n"
                + "| gmm.mixing | never |  | s | GMM-ALLOC-11 |\n"
                + "| gmm.mixing | never | r | s | alloc-11 |\n"
                + "| gmm.mixing | never | r | s |\n"
                + "| gmm.mixing | never | r | s | GMM-ALLOC-11 |\n"
                + "| gmm.mixing | never | r | s | GMM-ALLOC-11 |\n");
        assertEquals(7, r.problems().size(), r.problems().toString());
    }
}
