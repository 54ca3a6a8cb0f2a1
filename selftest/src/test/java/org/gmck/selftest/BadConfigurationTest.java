package org.gmck.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.gmck.kit.certify.Certification;
import org.gmck.kit.report.CertificationReport;
import org.gmck.kit.report.ReportSink;
import org.gmck.selftest.hostile.PgmModesOnly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Wrong options and files are named, with the value given, before anything runs; the run still leaves a
 * whole report with the verdict {@code error}, and never an earlier run's.
 */
class BadConfigurationTest {

    private static final Path RUNS = Path.of("target", "runs", "bad-config");

    private static CertificationReport errorOf(ReportSink.Published run, String... expected) throws IOException {
        CertificationReport report = run.report();
        assertEquals(CertificationReport.Outcome.ERROR, report.outcome(), report.headline());
        for (String e : expected) {
            assertTrue(report.headline().contains(e), "the headline does not say '" + e + "': " + report.headline());
        }
        assertTrue(report.rules().stream().allMatch(r -> r.scenarios().isEmpty()), "scenarios ran despite the error");
        HostileAdaptersTest.written(run);
        return report;
    }

    @ParameterizedTest(name = "-Dconformance.timeout={0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "garbage|'garbage' is not a timeout",
                "0|'0' is not a timeout",
                "-1s|'-1s' is not a timeout",
                "0ms|must be positive"
            })
    void aWrongTimeoutIsNamed(String value, String says) throws IOException {
        errorOf(
                KitRuns.run(
                        "bad-config/timeout-" + value, new PgmModesOnly(), Optional.empty(), Optional.empty(), value),
                "-Dconformance.timeout=" + value,
                says);
    }

    @ParameterizedTest(name = "-D{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "conformance.run-timeout|soon|'soon' is not a timeout",
                "conformance.max-hangs|0|'0' is not a positive whole number",
                "conformance.depth|shallow|'shallow' is not a value of conformance.depth",
                "conformance.seed|x1|'x1' is not a value of conformance.seed",
                "conformance.shrink|yes|'yes' is not a value of conformance.shrink",
                "gmck.cucumber-reports|off|'off' is not a value of gmck.cucumber-reports"
            })
    void aWrongOptionIsNamed(String option, String value, String says) throws IOException {
        errorOf(
                Certification.into(RUNS.resolve(option)).with(option, value).run(new PgmModesOnly()),
                option,
                value,
                says);
    }

    @ParameterizedTest(name = "baseline {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "missing|does not exist",
                "folder|is a folder",
                "binary|not a text file",
                "bom|byte-order mark",
                "unknown|'PGM-MODE-99' is not a catalogued rule",
                "lower|rule ids are upper case (PGM-MODE-5)",
                "latin1|is not UTF-8 text"
            })
    void aBaselineThatCannotBeUsedIsNamed(String kind, String says) throws IOException {
        Path dir = Files.createDirectories(RUNS.resolve("baselines"));
        Path file = dir.resolve(kind + ".txt");
        Files.deleteIfExists(file);
        switch (kind) {
            case "missing" -> {}
            case "folder" -> Files.createDirectories(dir.resolve("folder.txt"));
            case "binary" -> Files.write(file, new byte[] {'P', 0, 1, 2, (byte) 0x89, 'P', 'N', 'G'});
            case "bom" -> Files.write(file, ("\uFEFFPGM-MODE-5 reason\n").getBytes(StandardCharsets.UTF_8));
            case "unknown" -> Files.writeString(file, "PGM-MODE-99 typo\n");
            case "lower" -> Files.writeString(file, "pgm-mode-5 typed in lower case\n");
            case "latin1" -> Files.write(file, "PGM-MODE-5 caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
            default -> throw new IllegalArgumentException(kind);
        }
        errorOf(
                KitRuns.run("bad-config/baseline-" + kind, new PgmModesOnly(), Optional.of(file), Optional.empty()),
                "-Dconformance.baseline=" + file,
                says);
    }

    @Test
    void aReportFolderThatCannotBeCreatedIsNamed() throws IOException {
        Path blocker = Files.createDirectories(RUNS).resolve("a-file");
        Files.writeString(blocker, "not a folder");
        ReportSink.Published run = Certification.into(blocker.resolve("report")).run(new PgmModesOnly());
        assertEquals(CertificationReport.Outcome.ERROR, run.report().outcome());
        assertTrue(
                run.report().headline().contains("cannot be created or written"),
                run.report().headline());
    }

    @Test
    void anUnknownAdapterNameListsTheAdaptersFound() throws IOException {
        String old = System.getProperty("conformance.adapter");
        System.setProperty("conformance.adapter", "no-such-adapter");
        try {
            CertificationReport report = errorOf(
                    Certification.into(RUNS.resolve("unknown-adapter")).run(),
                    "No conformance adapter named 'no-such-adapter'",
                    "found: ",
                    "reference");
            assertTrue(report.adapter().isEmpty());
        } finally {
            if (old == null) {
                System.clearProperty("conformance.adapter");
            } else {
                System.setProperty("conformance.adapter", old);
            }
        }
    }

    @Test
    void aFailedRunNeverLeavesAnEarlierVerdictBehind() throws IOException {
        Path folder = RUNS.resolve("stale");
        Files.createDirectories(folder.resolve("features"));
        Files.writeString(folder.resolve("report.json"), "{\"outcome\": {\"verdict\": \"conforming\"}}");
        Files.writeString(folder.resolve("summary.md"), "CONFORMING");
        Files.writeString(folder.resolve("features").resolve("old.feature"), "Feature: old");
        Files.writeString(folder.resolve("notes.txt"), "the user's own file");
        ReportSink.Published run =
                Certification.into(folder).with("conformance.depth", "nonsense").run(new PgmModesOnly());
        errorOf(run, "conformance.depth");
        assertTrue(Files.readString(folder.resolve("summary.md")).contains("ERROR"), "summary.md is not this run's");
        assertTrue(
                Files.notExists(folder.resolve("features").resolve("old.feature")), "an earlier feature file is left");
        assertTrue(Files.exists(folder.resolve("notes.txt")), "a file the kit did not write was removed");
    }
}
