package org.gmck.kit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarOutputStream;
import org.gmck.kit.catalogue.Interpretations;
import org.gmck.kit.catalogue.Level;
import org.gmck.kit.catalogue.Rule;
import org.gmck.kit.catalogue.RuleCatalogue;
import org.gmck.spi.common.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's options and exit statuses, in this JVM, for everything that stops before a run. */
class GmckCliTest {

    @TempDir
    Path dir;

    /** What one command line printed and returned. */
    record Ran(int status, String out, String err) {}

    static Ran gmck(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = GmckCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Ran(status, out.toString(), err.toString());
    }

    private static void oneLine(Ran ran, String contains) {
        assertEquals(2, ran.status(), ran.toString());
        assertEquals(1, ran.err().strip().lines().count(), "one line of reason: " + ran.err());
        assertTrue(ran.err().contains(contains), ran.err());
    }

    @Test
    void versionIsTheKitsOwn() {
        Ran ran = gmck("--version");
        assertEquals(0, ran.status());
        assertEquals(
                "gmck " + KitVersion.version() + " (Guest Memory Conformance Kit)",
                ran.out().strip());
        assertTrue(KitVersion.version().matches("\\d+\\.\\d+\\.\\d+.*"), KitVersion.version());
    }

    @Test
    void helpNamesEveryCommandAndTheExitStatuses() {
        Ran ran = gmck("--help");
        assertEquals(0, ran.status());
        for (String command : List.of("certify", "rules", "explain", "verify-report")) {
            assertTrue(ran.out().contains(command), ran.out());
        }
        assertTrue(ran.out().contains("Exit status"), ran.out());
        Ran certify = gmck("certify", "--help");
        assertEquals(0, certify.status());
        assertTrue(certify.out().contains("--adapter-jar") && certify.out().contains("--depth"), certify.out());
    }

    @Test
    void aSiteWrittenAgainReplacesTheEarlierOneAndAForeignFolderIsLeftAlone() throws Exception {
        Path site = dir.resolve("site");
        assertEquals(0, gmck("site", "--out=" + site).status());
        java.nio.file.Files.createDirectories(site.resolve("implementations"));
        java.nio.file.Files.writeString(site.resolve("implementations").resolve("gone.html"), "stale");
        assertEquals(0, gmck("site", "--out=" + site).status());
        assertTrue(java.nio.file.Files.isRegularFile(site.resolve("index.html")));
        assertTrue(
                !java.nio.file.Files.exists(site.resolve("implementations").resolve("gone.html")),
                "a page of an earlier site stayed behind");
        Path foreign = dir.resolve("foreign");
        java.nio.file.Files.createDirectories(foreign);
        java.nio.file.Files.writeString(foreign.resolve("notes.txt"), "mine");
        oneLine(gmck("site", "--out=" + foreign), "holds no site written before");
        assertEquals(
                List.of(foreign.resolve("notes.txt")),
                java.nio.file.Files.list(foreign).toList());
    }

    @Test
    void noCommandIsAUsageError() {
        oneLine(gmck(), "name a command");
    }

    @Test
    void anUnknownOptionIsAUsageErrorInOneLine() {
        oneLine(gmck("certify", "--adapter-jar", "x.jar", "--colour"), "--colour");
    }

    @Test
    void certifyNeedsTheAdaptersJar() {
        oneLine(gmck("certify"), "--adapter-jar");
    }

    @Test
    void aMissingJarIsNamed() {
        oneLine(gmck("certify", "--adapter-jar", dir.resolve("missing.jar").toString()), "missing.jar: no such file");
    }

    @Test
    void aFileThatIsNoJarIsNamed() throws IOException {
        Path notAJar = Files.writeString(dir.resolve("adapter.jar"), "plain text");
        oneLine(gmck("certify", "--adapter-jar", notAJar.toString()), "cannot be read as a jar");
    }

    @Test
    void aWrongTimeoutDepthOrProfileIsAUsageError() throws IOException {
        String jar = emptyJar().toString();
        oneLine(gmck("certify", "--adapter-jar", jar, "--timeout", "soon"), "'soon' is not a timeout");
        oneLine(gmck("certify", "--adapter-jar", jar, "--depth", "shallow"), "--depth");
        oneLine(
                gmck("certify", "--adapter-jar", jar, "--profiles", "pgm-modes,pgm-moods"),
                "'pgm-moods' is not a profile");
        oneLine(gmck("certify", "--adapter-jar", jar, "--seed", "x"), "--seed");
    }

    @Test
    void aMissingBaselineIsASetupError() throws IOException {
        oneLine(
                gmck(
                        "certify",
                        "--adapter-jar",
                        emptyJar().toString(),
                        "--baseline",
                        dir.resolve("b.txt").toString()),
                "does not exist");
    }

    @Test
    void anUnknownAdapterNamesTheOnesFound() throws IOException {
        // The kit's tests have the reference on their class path, which the adapter jars' loader sees too.
        oneLine(
                gmck("certify", "--adapter-jar", emptyJar().toString(), "--adapter", "nope"),
                "no adapter named 'nope' in the adapter jars; found: reference");
    }

    @Test
    void theClassPathTakesRepeatedAndJoinedJars() throws IOException {
        Path a = emptyJar();
        Path b = Files.copy(a, dir.resolve("b.jar"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        AdapterClassPath path = AdapterClassPath.of(List.of(a.toString(), b + java.io.File.pathSeparator + classes));
        assertEquals(List.of(a.toAbsolutePath(), b.toAbsolutePath(), classes.toAbsolutePath()), path.entries());
    }

    @Test
    void oneAdapterIsChosenUnnamedAndSeveralMustBeNamed() {
        AdapterClassPath.Found one = new AdapterClassPath.Found(List.of("mine"), List.of());
        assertEquals("mine", one.choose(Optional.empty()));
        AdapterClassPath.Found two = new AdapterClassPath.Found(List.of("a", "b"), List.of());
        SetupError ambiguous =
                org.junit.jupiter.api.Assertions.assertThrows(SetupError.class, () -> two.choose(Optional.empty()));
        assertTrue(ambiguous.getMessage().contains("(a, b); choose one with --adapter NAME"), ambiguous.getMessage());
        assertEquals("b", two.choose(Optional.of("b")));
        AdapterClassPath.Found none = new AdapterClassPath.Found(List.of(), List.of("x.Broken: boom"));
        SetupError empty =
                org.junit.jupiter.api.Assertions.assertThrows(SetupError.class, () -> none.choose(Optional.empty()));
        assertTrue(
                empty.getMessage().contains("no adapter") && empty.getMessage().contains("x.Broken: boom"));
    }

    @Test
    void rulesSearchesIgnoringCaseAndFilters() {
        Ran ran = gmck("rules", "real or protected", "--profile", "pgm-modes", "--level", "must");
        assertEquals(0, ran.status(), ran.toString());
        assertTrue(ran.out().lines().anyMatch(l -> l.startsWith("PGM-MODE-4 ")), ran.out());
        RuleCatalogue catalogue = RuleCatalogue.bundled();
        List<Rule> should =
                RulesCommand.matching(catalogue, Optional.empty(), Optional.empty(), Optional.of(Level.SHOULD));
        assertTrue(!should.isEmpty() && should.stream().allMatch(r -> r.level() == Level.SHOULD));
        List<Rule> all = RulesCommand.matching(catalogue, Optional.of("  "), Optional.empty(), Optional.empty());
        assertEquals(catalogue.rules().size(), all.size());
        List<Rule> gmm =
                RulesCommand.matching(catalogue, Optional.of("gmm-id-1"), Optional.of(Profile.GMM), Optional.empty());
        assertTrue(gmm.stream().allMatch(r -> r.id().startsWith("GMM-ID-1")), gmm.toString());
        oneLine(gmck("rules", "--profile", "nope"), "'nope' is not a profile");
    }

    @Test
    void explainGivesStatementInterpretationAndScenarios() {
        Ran ran = gmck("explain", "pgm-mode-4");
        assertEquals(0, ran.status(), ran.toString());
        assertTrue(ran.out().startsWith("PGM-MODE-4  MUST  profile pgm-modes"), ran.out());
        assertTrue(ran.out().contains("Interpretation I-2 (cited)"), ran.out());
        assertTrue(ran.out().contains("Guests without paging"), ran.out());
        assertTrue(ran.out().contains("features/pgm/paging-modes.feature:"), ran.out());
        assertTrue(ran.out().contains("guest: real, protected"), ran.out());
    }

    @Test
    void anUnknownRuleSuggestsTheClosestIds() {
        Ran ran = gmck("explain", "PGM-MDE-4");
        oneLine(ran, "the closest ids: PGM-MODE-4");
        assertEquals(1, ExplainCommand.distance("PGM-MDE-4", "PGM-MODE-4"));
        assertTrue(ExplainCommand.unknown(RuleCatalogue.bundled(), "QQQQQQQQQQQQQQQQQQQQQQ")
                .contains("gmck rules"));
    }

    @Test
    void everyCitedInterpretationIsWrittenDown() {
        Interpretations interpretations = Interpretations.bundled();
        assertTrue(
                interpretations.all().size() > 50,
                "interpretations found: " + interpretations.all().size());
        for (Rule rule : RuleCatalogue.bundled().rules()) {
            java.util.regex.Matcher cited = java.util.regex.Pattern.compile("interpretations? (I-[A-Z0-9-]+)")
                    .matcher(rule.statement());
            if (cited.find()) {
                assertTrue(!interpretations.citedBy(rule).isEmpty(), rule.id() + " cites " + cited.group(1));
            }
        }
        assertEquals(
                "Guests without paging.",
                interpretations.interpretation("I-2").orElseThrow().title());
    }

    @Test
    void verifyReportSaysWhenTheFileCannotBeReadOrIsNoReport() throws IOException {
        oneLine(gmck("verify-report", dir.resolve("none.json").toString()), "cannot be read");
        Path text = Files.writeString(dir.resolve("report.json"), "not json");
        Ran ran = gmck("verify-report", text.toString());
        assertEquals(1, ran.status(), ran.toString());
        assertTrue(ran.err().contains("not JSON"), ran.err());
        Path empty = Files.writeString(dir.resolve("empty.json"), "{}");
        Ran schema = gmck("verify-report", empty.toString());
        assertEquals(1, schema.status(), schema.toString());
        assertTrue(schema.err().contains("schema:"), schema.err());
    }

    private Path emptyJar() throws IOException {
        Path jar = dir.resolve("empty.jar");
        if (!Files.exists(jar)) {
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                out.putNextEntry(new java.util.zip.ZipEntry("META-INF/"));
                out.closeEntry();
            }
        }
        return jar;
    }
}
