package org.gmck.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.gmck.kit.certify.Certification;
import org.gmck.kit.certify.CheckSettings;
import org.gmck.kit.protocol.ProcessAdapter;
import org.gmck.kit.protocol.ProcessRecord;
import org.gmck.kit.report.CertificationReport;
import org.gmck.kit.report.ReportSink;
import org.gmck.kit.report.RuleVerdict;
import org.gmck.kit.report.Verdict;
import org.gmck.selftest.protocol.ExitsOnceAdapter;
import org.gmck.selftest.protocol.MisbehavingServer;
import org.gmck.selftest.protocol.RunsOutOfMemoryOnceAdapter;
import org.gmck.spi.ConformanceAdapter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known-bad implementations in processes of their own, over the adapter protocol: one that exits, one that dies
 * of SIGSEGV, one that hangs, one that prints garbage, and a JVM adapter that calls {@code System.exit} certified with {@code --isolate}. Each breaks once
 * in the run: the check that was running fails saying what happened, with the method, the request and the
 * process's standard error; a new process serves the rest; the run completes and its report is whole, with
 * both processes and their standard error.
 */
class ProcessAdaptersTest {

    private static final Path ROOT = Path.of("target", "runs", "protocol").toAbsolutePath();

    private static ReportSink.Published certify(String folder, ProcessAdapter adapter) {
        String old = System.getProperty("conformance.timeout");
        System.setProperty("conformance.timeout", "2s");
        try {
            return Certification.into(ROOT.resolve(folder))
                    .with(CheckSettings.DEPTH, KitRuns.DEPTH)
                    .runProcess(adapter);
        } finally {
            if (old == null) {
                System.clearProperty("conformance.timeout");
            } else {
                System.setProperty("conformance.timeout", old);
            }
        }
    }

    private static String quoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String javaCommand(String mainClass, String... args) {
        StringBuilder command = new StringBuilder()
                .append(ChildJvm.commandLine())
                .append(" -cp ")
                .append(quoted(System.getProperty("java.class.path")))
                .append(' ')
                .append(mainClass);
        for (String a : args) {
            command.append(' ').append(quoted(a));
        }
        return command.toString();
    }

    /** The run went to its end: a verdict, every rule judged, nothing stopped early, the report on disk valid. */
    private static CertificationReport whole(ReportSink.Published run) throws IOException {
        CertificationReport report = run.report();
        assertTrue(report.error().isEmpty(), report.headline());
        assertTrue(report.stoppedEarly().isEmpty(), report.headline());
        assertTrue(report.with(Verdict.NOT_RUN).isEmpty(), "rules not run: " + report.with(Verdict.NOT_RUN));
        HostileAdaptersTest.written(run);
        return report;
    }

    private static String failures(CertificationReport report) {
        List<RuleVerdict> failed = report.with(Verdict.FAIL);
        assertTrue(!failed.isEmpty(), "no rule failed: " + report.headline());
        return failed.stream().map(r -> r.evidence().toString()).collect(Collectors.joining("\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "exit     | exited with status 3",
                "segv     | exited with SIGSEGV (exit status 139)",
                "hang     | did not answer within 2 s and was killed",
                "garbage  | wrote a line that is not JSON (\"Segmentation fault (core dumped)\") and was killed"
            })
    void aProcessThatBreaksFailsTheRunningCheckAndTheRunGoesOn(String mode, String what) throws IOException {
        Files.createDirectories(ROOT);
        Path marker = ROOT.resolve(mode + ".marker");
        Files.deleteIfExists(marker);
        String command = javaCommand(MisbehavingServer.class.getName(), mode, marker.toString());
        // for segv the shell must stay the parent of the JVM (no exec): it is the process that dies of the signal
        ProcessAdapter adapter = ProcessAdapter.command(mode.equals("segv") ? command + "; exit $?" : command);
        CertificationReport report = whole(certify(mode, adapter));
        String failures = failures(report);
        assertTrue(failures.contains("the implementation " + what), failures);
        assertTrue(failures.contains("during " + MisbehavingServer.TRIGGER + ", request #"), failures);
        assertTrue(failures.contains("misbehaving server: about to " + mode), "the stderr is in the failure");
        List<ProcessRecord> processes =
                report.adapter().orElseThrow().processes().orElseThrow().processes();
        assertEquals(2, processes.size(), "a new process after the broken one: " + processes);
        assertTrue(processes.get(0).end().contains(what), processes.get(0).end());
        assertTrue(
                processes.get(0).stderr().contains("about to " + mode),
                processes.get(0).stderr());
        assertTrue(
                processes.get(1).stderr().contains("started"), processes.get(1).stderr());
        for (String summary : List.of("summary.md", "summary.html")) {
            String text = Files.readString(ROOT.resolve(mode).resolve(summary));
            assertTrue(text.contains("Processes"), summary + " lists the processes");
            assertTrue(text.contains("about to " + mode), summary + " shows the end of its standard error");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "exits-once         | exited with status 3                                  | exits-once: calling System.exit(3)",
                "out-of-memory-once | exited with status 70                                 | OutOfMemoryError"
            })
    void aJvmAdapterThatBreaksItsJvmCostsTheRunOneCheckWhenIsolated(String name, String what, String stderr)
            throws IOException {
        Path classes = ROOT.resolve("isolated-classpath-" + name);
        Path services = classes.resolve("META-INF").resolve("services");
        Files.createDirectories(services);
        Files.write(
                services.resolve(ConformanceAdapter.class.getName()),
                List.of(ExitsOnceAdapter.class.getName(), RunsOutOfMemoryOnceAdapter.class.getName()));
        Files.deleteIfExists(Path.of("target/runs/protocol/" + name + ".marker"));
        CertificationReport report =
                whole(certify("isolated-" + name, ProcessAdapter.isolated(name, List.of(classes))));
        String failures = failures(report);
        assertTrue(failures.contains("the implementation " + what + " during adapter.pagingModes"), failures);
        assertTrue(failures.contains(stderr), failures);
        ProcessAdapter.Processes processes =
                report.adapter().orElseThrow().processes().orElseThrow();
        assertEquals(2, processes.processes().size(), "a new process after the broken one: " + processes);
        assertTrue(processes.command().contains(name), processes.command());
    }
}
