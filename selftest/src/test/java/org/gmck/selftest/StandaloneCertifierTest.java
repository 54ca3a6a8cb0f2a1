package org.gmck.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gmck.kit.report.ReportJson;
import org.gmck.reference.binding.ReferenceAdapter;
import org.gmck.selftest.cli.BrokenPagingModes;
import org.gmck.selftest.hostile.PgmModesOnly;
import org.gmck.selftest.pgm.ForwardingPagingModes;
import org.gmck.selftest.pgm.LiteralDiagonalSpecialEffort;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit's standalone jar as a certifier with no build tool uses it: the jar and the adapter's jars copied
 * into an empty folder, and {@code java -jar} run there as a process of its own. A conforming adapter exits 0
 * with a report that matches the schema and that {@code verify-report} accepts, a known-bad one exits 1, a
 * wrong option 2 with its reason; {@code rules} and {@code explain} read the catalogue inside the jar.
 */
class StandaloneCertifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    private static Path cli;
    private static Ran certified;

    /** What one run of the jar printed and returned. */
    record Ran(int status, String out, String err) {}

    @BeforeAll
    static void copyTheJarsAndCertify() throws Exception {
        Path built = Path.of(System.getProperty("gmck.cli.jar", "../kit/target/gmck-kit-cli.jar"));
        Assumptions.assumeTrue(
                Files.isRegularFile(built),
                "the kit's standalone jar " + built + " is not built: it is made in the kit's package phase"
                        + " (mvn -B verify builds it before these tests run)");
        try (Stream<Path> before = Files.list(folder)) {
            assertEquals(0, before.count(), "the folder starts empty");
        }
        cli = Files.copy(built, folder.resolve(built.getFileName()));
        Jars.copyOf(ReferenceAdapter.class, folder.resolve("reference.jar"));
        Jars.adapter(folder.resolve("good.jar"), PgmModesOnly.class, List.of(PgmModesOnly.class));
        Jars.adapter(
                folder.resolve("bad.jar"),
                BrokenPagingModes.class,
                List.of(
                        BrokenPagingModes.class,
                        LiteralDiagonalSpecialEffort.class,
                        ForwardingPagingModes.class,
                        KnownBad.class,
                        Breaks.class));
        certified = gmck(
                "certify",
                "--adapter-jar",
                "good.jar" + File.pathSeparator + "reference.jar",
                "--adapter",
                "hostile",
                "--depth",
                "quick",
                "--report",
                "good-report");
    }

    /** Runs {@code java -jar} on the standalone jar in the folder, with nothing else on its class path. */
    static Ran gmck(String... args) throws IOException, InterruptedException {
        List<String> command = ChildJvm.command("-jar", cli.getFileName().toString());
        command.addAll(List.of(args));
        String name = args[0] + "-" + System.nanoTime();
        Path out = folder.resolve(name + ".out");
        Path err = folder.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().remove("CLASSPATH");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = builder.start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "gmck " + String.join(" ", args) + " did not end");
        Ran ran = new Ran(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return ran;
    }

    @Test
    void aConformingAdapterExitsZeroWithAReportThatMatchesTheSchema() throws IOException {
        assertEquals(0, certified.status(), certified.toString());
        Path report = folder.resolve("good-report").resolve("report.json");
        assertTrue(
                certified.out().strip().endsWith("(report: " + report.toRealPath() + ")"),
                "the last line is the verdict with the report's path: " + certified.out());
        assertTrue(certified.out().contains("CONFORMING for the declared profiles (pgm-modes)"), certified.out());
        JsonNode json = JSON.readTree(report.toFile());
        assertEquals("conforming", json.at("/outcome/verdict").asText());
        assertEquals("hostile", json.at("/adapter/name").asText());
        try (InputStream schema = getClass().getClassLoader().getResourceAsStream(ReportJson.SCHEMA)) {
            assertEquals(List.of(), SchemaCheck.problems(JSON.readTree(schema), json));
        }
    }

    @Test
    void anImplementationSpeakingTheProtocolIsCertifiedByItsCommand() throws Exception {
        String classPath = String.join(
                File.pathSeparator,
                "good.jar",
                "reference.jar",
                cli.getFileName().toString());
        Ran ran = gmck(
                "certify",
                "--adapter-command",
                ChildJvm.commandLine() + " -cp " + classPath + " org.gmck.kit.protocol.ProtocolServer hostile",
                "--depth",
                "quick",
                "--report",
                "command-report");
        assertEquals(0, ran.status(), ran.toString());
        JsonNode json = JSON.readTree(
                folder.resolve("command-report").resolve("report.json").toFile());
        assertEquals("conforming", json.at("/outcome/verdict").asText());
        assertTrue(json.at("/adapter/processes/command").asText().contains("ProtocolServer hostile"), json.toString());
        assertEquals(1, json.at("/adapter/processes/processes").size(), json.toString());
        try (InputStream schema = getClass().getClassLoader().getResourceAsStream(ReportJson.SCHEMA)) {
            assertEquals(List.of(), SchemaCheck.problems(JSON.readTree(schema), json));
        }
    }

    @Test
    void isolateCertifiesAJvmAdapterInAChildJvm() throws Exception {
        Ran ran = gmck(
                "certify",
                "--adapter-jar",
                "good.jar" + File.pathSeparator + "reference.jar",
                "--adapter",
                "hostile",
                "--isolate",
                "--depth",
                "quick",
                "--report",
                "isolated-report");
        assertEquals(0, ran.status(), ran.toString());
        JsonNode json = JSON.readTree(
                folder.resolve("isolated-report").resolve("report.json").toFile());
        assertEquals("conforming", json.at("/outcome/verdict").asText());
        assertTrue(json.at("/adapter/processes/command").asText().contains("hostile"), json.toString());
    }

    @Test
    void theCommandAndTheJarsAreOneOrTheOther() throws Exception {
        Ran neither = gmck("certify", "--report", "neither-report");
        assertEquals(2, neither.status(), neither.toString());
        assertTrue(neither.err().contains("either --adapter-jar or --adapter-command"), neither.err());
    }

    @Test
    void theRunShowsItsProgressOnStandardError() {
        assertTrue(certified.err().lines().anyMatch(l -> l.matches("gmck: \\d+ checks to run")), certified.err());
        assertTrue(
                certified.err().lines().anyMatch(l -> l.matches("gmck: \\d+ of \\d+ checks done in .* checks/s\\)")),
                certified.err());
    }

    @Test
    void aNonConformingAdapterExitsOneNamingTheRule() throws Exception {
        Ran ran = gmck(
                "certify",
                "--adapter-jar",
                "bad.jar",
                "--adapter-jar",
                "reference.jar",
                "--adapter",
                "broken-modes",
                "--depth",
                "quick",
                "--no-progress",
                "--report",
                "bad-report");
        assertEquals(1, ran.status(), ran.toString());
        assertTrue(ran.out().contains("NOT CONFORMING: PGM-MODE-5 fail"), ran.out());
        assertEquals("", ran.err(), "no progress asked for");
        assertEquals(
                "not-conforming",
                JSON.readTree(folder.resolve("bad-report/report.json").toFile())
                        .at("/outcome/verdict")
                        .asText());
    }

    @Test
    void aWrongOptionOrAMissingAdapterExitsTwoWithItsReasonInOneLine() throws Exception {
        Ran depth = gmck("certify", "--adapter-jar", "good.jar", "--depth", "shallow");
        assertEquals(2, depth.status(), depth.toString());
        assertEquals(1, depth.err().strip().lines().count(), depth.err());
        assertTrue(depth.err().contains("--depth") && depth.err().contains("shallow"), depth.err());
        Ran missing = gmck("certify", "--adapter-jar", "nowhere.jar");
        assertEquals(2, missing.status(), missing.toString());
        assertTrue(missing.err().contains("nowhere.jar: no such file"), missing.err());
        Ran two = gmck("certify", "--adapter-jar", "good.jar" + File.pathSeparator + "reference.jar");
        assertEquals(2, two.status(), two.toString());
        assertTrue(two.err().contains("(hostile, reference); choose one with --adapter NAME"), two.err());
        Ran none = gmck("certify", "--adapter-jar", "reference.jar", "--adapter", "nope", "--report", "none");
        assertEquals(2, none.status(), none.toString());
        assertTrue(
                none.err().contains("no adapter named 'nope'") && none.err().contains("found: reference"), none.err());
    }

    @Test
    void rulesAndExplainReadTheCatalogueInsideTheJar() throws Exception {
        Ran rules = gmck("rules", "real or protected", "--profile", "pgm-modes");
        assertEquals(0, rules.status(), rules.toString());
        assertTrue(rules.out().lines().anyMatch(l -> l.startsWith("PGM-MODE-4 ")), rules.out());
        Ran explain = gmck("explain", "PGM-MODE-5");
        assertEquals(0, explain.status(), explain.toString());
        assertTrue(explain.out().contains("Interpretation I-1 (cited)"), explain.out());
        assertTrue(explain.out().contains("features/pgm/paging-modes.feature:"), explain.out());
        Ran unknown = gmck("explain", "PGM-MODE-55");
        assertEquals(2, unknown.status(), unknown.toString());
        assertTrue(unknown.err().contains("the closest ids: PGM-MODE-5"), unknown.err());
        Ran version = gmck("--version");
        assertEquals(
                "gmck " + System.getProperty("gmck.version") + " (Guest Memory Conformance Kit)",
                version.out().strip());
    }

    @Test
    void verifyReportAcceptsTheRunsReportAndNamesTheFieldOfATamperedOne() throws Exception {
        Path report = folder.resolve("good-report").resolve("report.json");
        Ran valid = gmck("verify-report", report.toString());
        assertEquals(0, valid.status(), valid.toString());
        ObjectNode tampered = (ObjectNode) JSON.readTree(report.toFile());
        ((ObjectNode) tampered.get("counts"))
                .put("pass", tampered.at("/counts/pass").asInt() + 1);
        Files.writeString(folder.resolve("tampered.json"), tampered.toString(), StandardCharsets.UTF_8);
        Ran counts = gmck("verify-report", "tampered.json");
        assertEquals(1, counts.status(), counts.toString());
        assertTrue(counts.err().contains("/counts/pass"), counts.err());
        ObjectNode other = (ObjectNode) JSON.readTree(report.toFile());
        ((ObjectNode) other.get("kit")).put("catalogueSha256", "0".repeat(64));
        Files.writeString(folder.resolve("other-kit.json"), other.toString(), StandardCharsets.UTF_8);
        Ran otherKit = gmck("verify-report", "other-kit.json");
        assertEquals(1, otherKit.status(), otherKit.toString());
        assertTrue(otherKit.err().contains("/kit/catalogueSha256"), otherKit.err());
        Ran unreadable = gmck("verify-report", "no-such-report.json");
        assertEquals(2, unreadable.status(), unreadable.toString());
    }
}
