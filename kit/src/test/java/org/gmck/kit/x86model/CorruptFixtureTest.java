package org.gmck.kit.x86model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A corrupted fixture file fails with one message that names the file and where in it the problem is. */
class CorruptFixtureTest {

    @Test
    void malformedJsonNamesTheFileLineAndColumn() {
        String json = "{\n  \"version\": \"1.2.0\",\n  \"testGroups\": [ {,} ]\n}\n";
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> FixtureJson.read("x86-fixtures/broken.json", json));
        assertTrue(e.getMessage().startsWith("x86-fixtures/broken.json, line 3, column"), e.getMessage());
        assertTrue(e.getMessage().length() < 400, "the message is longer than one line: " + e.getMessage());
    }

    @Test
    void aValueTheKitCannotUseNamesTheFileAndTheCase() {
        String json =
                "{\"version\": \"1.2.0\", \"testGroups\": [{\"cpu\": {\"maxPhysAddr\": 52, \"features\": [\"NO_SUCH_FEATURE\"]},"
                        + " \"registers\": {}, \"tests\": []}]}";
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> FixtureJson.read("x86-fixtures/odd.json", json));
        assertTrue(
                e.getMessage().startsWith("x86-fixtures/odd.json: ")
                        && e.getMessage().contains("NO_SUCH_FEATURE"),
                e.getMessage());
    }

    @Test
    void anUnsupportedVersionNamesTheFile() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> FixtureJson.read("x86-fixtures/old.json", "{\"version\": \"0.9\", \"testGroups\": []}"));
        assertTrue(e.getMessage().startsWith("x86-fixtures/old.json: unsupported fixture version"), e.getMessage());
    }
}
