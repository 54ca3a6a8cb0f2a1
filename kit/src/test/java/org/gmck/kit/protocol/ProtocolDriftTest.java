package org.gmck.kit.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The adapter protocol does not drift from the SPI: {@code docs/adapter-protocol-1.schema.json} and the
 * generated reference in {@code docs/adapter-protocol.md} are exactly what the SPI generates, so a method, a
 * field or a status on one side only fails the build. Run with {@code -Dgmck.protocol.update=true} to rewrite
 * both after changing the SPI.
 */
class ProtocolDriftTest {

    private static final Path ROOT = Path.of(System.getProperty("kit.root", ".."));
    private static final Path SCHEMA = ROOT.resolve("docs").resolve(ProtocolSchema.FILE);
    private static final Path DOCUMENT = ROOT.resolve("docs").resolve("adapter-protocol.md");
    private static final Path SPI_SOURCES = ROOT.resolve("spi/src/main/java");
    private static final boolean UPDATE = Boolean.getBoolean("gmck.protocol.update");
    private static final String HOW = "; run mvn -B verify -pl kit -am -Dgmck.protocol.update=true and commit it";

    @Test
    void theSchemaIsWhatTheSpiGenerates() throws IOException {
        String expected = ProtocolSchema.render();
        if (UPDATE) {
            Files.writeString(SCHEMA, expected, StandardCharsets.UTF_8);
        }
        assertTrue(Files.isRegularFile(SCHEMA), SCHEMA + " is missing" + HOW);
        assertEquals(
                expected, Files.readString(SCHEMA, StandardCharsets.UTF_8), SCHEMA + " has drifted from the SPI" + HOW);
    }

    @Test
    void theDocumentsReferenceIsWhatTheSpiGenerates() throws IOException {
        String reference = new ProtocolReference(new SpiJavadoc(SPI_SOURCES)).render();
        String document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
        int begin = document.indexOf(ProtocolReference.BEGIN);
        int end = document.indexOf(ProtocolReference.END);
        assertTrue(begin >= 0 && end > begin, DOCUMENT + " has no generated reference between its markers");
        String expected =
                document.substring(0, begin) + reference + document.substring(end + ProtocolReference.END.length() + 1);
        if (UPDATE) {
            Files.writeString(DOCUMENT, expected, StandardCharsets.UTF_8);
            document = expected;
        }
        assertEquals(expected, document, DOCUMENT + "'s reference has drifted from the SPI" + HOW);
    }
}
