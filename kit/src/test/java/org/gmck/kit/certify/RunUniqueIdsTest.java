package org.gmck.kit.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunUniqueIdsTest {

    @Test
    void idsOfManyGeneratorsInOneJvmAreAllDifferent() {
        // more generators than Cucumber's own incrementing one tells apart (4,096), a few ids each
        Set<UUID> seen = new HashSet<>();
        for (int g = 0; g < 5_000; g++) {
            RunUniqueIds ids = new RunUniqueIds();
            for (int i = 0; i < 4; i++) {
                assertTrue(seen.add(ids.generateId()), "an id came twice");
            }
        }
        assertEquals(20_000, seen.size());
    }

    @Test
    void theIdsAreVersionEightUuidsOfTheStandardVariant() {
        UUID id = new RunUniqueIds().generateId();
        assertEquals(8, id.version());
        assertEquals(2, id.variant());
    }
}
