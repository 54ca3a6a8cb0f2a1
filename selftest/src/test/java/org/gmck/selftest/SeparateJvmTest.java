package org.gmck.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gmck.selftest.hostile.CertifyMain;
import org.gmck.selftest.hostile.ExitingAdapter;
import org.gmck.selftest.hostile.HaltingAdapter;
import org.gmck.selftest.hostile.NamelessAdapter;
import org.gmck.selftest.hostile.PgmModesOnly;
import org.gmck.selftest.hostile.UnconstructibleAdapter;
import org.gmck.spi.ConformanceAdapter;
import org.junit.jupiter.api.Test;

/**
 * Certification in a JVM of its own, the way a certifier runs it, with hostile adapters listed on the class
 * path next to a good one: one that calls {@code System.exit}, one that halts the JVM, one whose constructor
 * throws, one without a name. The run's report must say what happened in each case.
 */
class SeparateJvmTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("target", "runs", "separate-jvm").toAbsolutePath();

    /** Runs {@link CertifyMain} for the adapter named, with every hostile adapter listed on the class path. */
    private static int certify(String adapter, Path folder) throws IOException, InterruptedException {
        Path services = ROOT.resolve("classpath").resolve("META-INF").resolve("services");
        Files.createDirectories(services);
        Files.write(
                services.resolve(ConformanceAdapter.class.getName()),
                List.of(
                        ExitingAdapter.class.getName(),
                        HaltingAdapter.class.getName(),
                        UnconstructibleAdapter.class.getName(),
                        NamelessAdapter.class.getName(),
                        PgmModesOnly.class.getName()));
        String classPath = ROOT.resolve("classpath") + File.pathSeparator + System.getProperty("java.class.path");
        Process p = new ProcessBuilder(ChildJvm.command(
                        "-cp",
                        classPath,
                        "-Dconformance.adapter=" + adapter,
                        "-Dconformance.timeout=none",
                        CertifyMain.class.getName(),
                        folder.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ROOT.resolve(adapter + ".log").toFile())
                .start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the certification of '" + adapter + "' did not end");
        return p.exitValue();
    }

    private static JsonNode report(Path folder) throws IOException {
        return JSON.readTree(folder.resolve("report.json").toFile());
    }

    @Test
    void systemExitInTheAdapterLeavesAnErrorReportThatSaysSo() throws Exception {
        Path folder = ROOT.resolve("exiting");
        assertNotEquals(0, certify("exiting", folder));
        JsonNode report = report(folder);
        assertEquals("error", report.at("/outcome/verdict").asText());
        assertTrue(
                report.at("/outcome/error").asText().contains("System.exit"),
                report.at("/outcome/error").asText());
    }

    @Test
    void aHaltedJvmLeavesTheRunsOwnUnfinishedReportNotAnEarlierOne() throws Exception {
        Path folder = ROOT.resolve("halting");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("report.json"), "{\"outcome\": {\"verdict\": \"conforming\"}}");
        assertNotEquals(0, certify("halting", folder));
        JsonNode report = report(folder);
        assertEquals("error", report.at("/outcome/verdict").asText());
        assertTrue(
                report.at("/outcome/error").asText().contains("did not finish"),
                report.at("/outcome/error").asText());
    }

    @Test
    void brokenAdaptersOnTheClassPathDoNotKeepAnotherFromBeingCertified() throws Exception {
        Path folder = ROOT.resolve("good");
        assertEquals(0, certify("hostile", folder), "the good adapter was not certified");
        assertEquals("conforming", report(folder).at("/outcome/verdict").asText());
    }

    @Test
    void anUnknownNameListsTheBrokenAdaptersWithTheirOwnMessages() throws Exception {
        Path folder = ROOT.resolve("unknown");
        assertNotEquals(0, certify("nope", folder));
        String error = report(folder).at("/outcome/error").asText();
        assertTrue(
                error.contains(UnconstructibleAdapter.class.getName() + " cannot be constructed")
                        && error.contains("no licence server at 10.0.0.1"),
                error);
        assertTrue(error.contains("name() returned null"), error);
        assertTrue(error.contains("found: ") && error.contains("exiting") && error.contains("hostile"), error);
    }
}
