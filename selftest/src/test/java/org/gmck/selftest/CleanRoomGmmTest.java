package org.gmck.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clean-room GMM in C ({@code examples/cleanroom-gmm-c}) still conforms, failing no rule (its baseline is
 * empty), so a change of a GMM rule or scenario that would reject this faithful reading of seed 002 shows in
 * every build, not only in CI's run of {@code .ci/run} (which also builds it with AddressSanitizer and certifies
 * the large-page one). It needs gcc, make and cJSON's headers, and is skipped, saying which is missing, where
 * they are not installed. Its report stays in {@link #REPORT}, where the documentation site of the build finds it.
 */
class CleanRoomGmmTest {

    private static final Path ROOT = Path.of(System.getProperty("kit.root", ".."));
    private static final Path FOLDER = ROOT.resolve("examples").resolve("cleanroom-gmm-c");

    /** Where the certification's report is written. */
    static final Path REPORT = Path.of("target", "certifications", "cleanroom-gmm-c");

    @TempDir
    Path scratch;

    @Test
    void conformsWithAnEmptyBaseline() throws IOException, InterruptedException {
        Path cli = Path.of(System.getProperty("gmck.cli.jar", "../kit/target/gmck-kit-cli.jar"));
        Assumptions.assumeTrue(Files.isRegularFile(cli), "the kit's standalone jar " + cli + " is not built");
        Assumptions.assumeTrue(onPath("gcc"), "gcc is not installed (apt-get install gcc)");
        Assumptions.assumeTrue(onPath("make"), "make is not installed (apt-get install make)");
        Assumptions.assumeTrue(
                Files.isRegularFile(Path.of("/usr/include/cjson/cJSON.h")),
                "cJSON's headers are not installed (apt-get install libcjson-dev)");

        Ran built = run(List.of("make", "-C", FOLDER.toString(), "all"));
        assertEquals(0, built.status(), "make: " + built);

        List<String> certify = ChildJvm.command(
                "-jar",
                cli.toString(),
                "certify",
                "--no-progress",
                "--adapter-command",
                "'" + FOLDER.resolve("build").resolve("gmm-cleanroom").toAbsolutePath() + "'",
                "--baseline",
                FOLDER.resolve("baseline.txt").toAbsolutePath().toString(),
                "--report",
                REPORT.toAbsolutePath().toString());
        Ran certified = run(certify);
        assertEquals(0, certified.status(), "the certification against the baseline: " + certified);
        assertTrue(
                certified.out().contains("CONFORMING for the declared profiles (gmm, gmm-introspection)"),
                certified.out());
        assertTrue(!certified.out().contains("NOT CONFORMING"), certified.out());
    }

    private record Ran(int status, String out) {}

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private Ran run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), String.join(" ", command) + " did not end");
        return new Ran(p.exitValue(), Files.readString(out));
    }
}
