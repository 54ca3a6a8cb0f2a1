package org.gmck.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of the x86 fixture corpus matches {@code x86-fixtures.schema.json}, so that an implementation
 * outside the kit can read the corpus with nothing but the schema; and the schema does reject a file that
 * breaks it.
 */
class FixtureSchemaTest {

    private static final Path FIXTURES = Path.of(System.getProperty("kit.root", ".."), "x86-fixtures");
    private static final Path SCHEMA = FIXTURES.resolve("x86-fixtures.schema.json");

    @TestFactory
    Stream<DynamicTest> everyFixtureFileMatchesTheSchema() throws IOException {
        String schema = Files.readString(SCHEMA);
        List<Path> files = fixtureFiles();
        assertFalse(files.isEmpty(), "no fixture files in " + FIXTURES);
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(
                        file.getFileName().toString(),
                        () -> assertEquals(
                                List.of(),
                                SchemaCheck.problems(schema, Files.readString(file)),
                                file + " does not match " + SCHEMA.getFileName())));
    }

    @Test
    void aFileWithoutItsHeaderIsRejected() throws IOException {
        String schema = Files.readString(SCHEMA);
        assertFalse(
                SchemaCheck.problems(schema, "{\"groups\": []}").isEmpty(),
                "the schema accepted a fixture file without its header");
    }

    private static List<Path> fixtureFiles() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files.filter(p -> p.toString().endsWith(".json") && !p.equals(SCHEMA))
                    .sorted()
                    .toList();
        }
    }
}
