package org.gmck.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.gmck.kit.certify.AdapterConformanceTest;
import org.gmck.reference.binding.ReferenceAdapter;
import org.gmck.selftest.pgm.LongModeBitsNotSetOnSwitch;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * The entry point for JVM implementations, {@link AdapterConformanceTest}, as a third party's test class uses it:
 * it certifies the instance its subclass returns (whatever {@code -Dconformance.adapter} names), writes the
 * report's folder, passes for a conforming implementation and fails with the verdict and every rule that decided
 * it for one that does not.
 */
class AdapterConformanceEntryPointTest {

    @TempDir
    Path folder;

    private String oldTimeout;
    private String oldDepth;
    private String oldAdapter;

    @BeforeEach
    void quickAndDirect() {
        oldTimeout = System.getProperty("conformance.timeout");
        oldDepth = System.getProperty("conformance.depth");
        oldAdapter = System.getProperty("conformance.adapter");
        System.setProperty("conformance.timeout", KitRuns.DIRECT);
        System.setProperty("conformance.depth", KitRuns.DEPTH);
        // The instance is certified, not what the command line names.
        System.setProperty("conformance.adapter", "no-such-adapter");
    }

    @AfterEach
    void restore() {
        restore("conformance.timeout", oldTimeout);
        restore("conformance.depth", oldDepth);
        restore("conformance.adapter", oldAdapter);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    /** A third party's test class: one method that returns its adapter. */
    private AdapterConformanceTest certifying(ConformanceAdapter adapter) {
        Path reports = folder;
        return new AdapterConformanceTest() {
            @Override
            protected ConformanceAdapter adapter() {
                return adapter;
            }

            @Override
            protected Path reportFolder() {
                return reports;
            }
        };
    }

    @Test
    void aConformingImplementationPassesAndGetsItsReport() throws IOException {
        certifying(KitRuns.declaring(new ReferenceAdapter(), Set.of(Profile.PGM_MODES)))
                .certify();

        JsonNode report =
                new ObjectMapper().readTree(folder.resolve("report.json").toFile());
        assertEquals("conforming", report.path("outcome").path("verdict").asText());
        assertEquals("reference", report.path("adapter").path("name").asText());
        assertTrue(Files.isRegularFile(folder.resolve("summary.md")));
    }

    @Test
    void aFaultyImplementationFailsWithTheVerdictAndTheRulesToCheck() throws IOException {
        AdapterConformanceTest test =
                certifying(KitRuns.declaring(new LongModeBitsNotSetOnSwitch().adapter(), Set.of(Profile.PGM_MODES)));

        AssertionFailedError failure = assertThrows(AssertionFailedError.class, test::certify);

        String message = failure.getMessage();
        assertTrue(message.startsWith("NOT CONFORMING: PGM-PAE-8 fail"), message);
        assertTrue(message.contains("\n\nPGM-PAE-8 [MUST, profile pgm-modes] "), message);
        assertTrue(message.contains("\n  Verdict: fail\n  Check: pgm/"), message);
        assertTrue(message.contains("Rule broken: PGM-PAE-8"), message);
        assertTrue(message.contains("Report: " + folder.resolve("summary.md").toAbsolutePath()), message);
        JsonNode report =
                new ObjectMapper().readTree(folder.resolve("report.json").toFile());
        assertEquals("not-conforming", report.path("outcome").path("verdict").asText());
    }
}
