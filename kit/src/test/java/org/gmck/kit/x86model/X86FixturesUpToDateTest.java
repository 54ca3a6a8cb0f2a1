package org.gmck.kit.x86model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checked-in fixtures are exactly what the generator and the rule model produce, and there are at
 * least 10,000 cases. Regenerate them with
 * {@code mvn -B -o verify -pl kit -am -Dtest=X86FixturesUpToDateTest -Dsurefire.failIfNoSpecifiedTests=false -Dx86.fixtures.write=true}.
 */
class X86FixturesUpToDateTest {

    private static final String WRITE = "x86.fixtures.write";

    @Test
    void checkedInFixturesMatchTheGenerator() throws IOException {
        Path dir = Path.of(System.getProperty("kit.root", "..")).resolve("x86-fixtures");
        List<FixtureFile> files = X86FixtureGenerator.generate();
        assertEquals(
                X86FixtureGenerator.fileNames(),
                files.stream().map(FixtureFile::name).toList());
        boolean write = Boolean.getBoolean(WRITE);
        int total = 0;
        for (FixtureFile file : files) {
            String text = FixtureJson.write(file);
            Path path = dir.resolve(file.name() + ".json");
            if (write) {
                Files.createDirectories(dir);
                Files.writeString(path, text, StandardCharsets.UTF_8);
            }
            assertTrue(Files.exists(path), path + " is missing: regenerate with -D" + WRITE + "=true");
            assertEquals(
                    text,
                    Files.readString(path, StandardCharsets.UTF_8),
                    path + " differs from what the generator produces: regenerate with -D" + WRITE + "=true");
            assertEquals(file.cases().size(), FixtureJson.read(text).size(), "cases of " + file.name() + " read back");
            total += file.cases().size();
        }
        assertTrue(total >= 10_000, "only " + total + " fixture cases");
    }
}
