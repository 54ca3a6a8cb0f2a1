package org.gmck.kit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gmck.kit.report.KitSources;
import org.gmck.kit.report.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gmck verify-report}: whether a report is valid, and made by this kit. */
@Command(
        mixinStandardHelpOptions = true,
        versionProvider = KitVersion.class,
        name = "verify-report",
        description = {
            "Checks a certification report: against the report schema, against this kit (its version and the"
                    + " digests of its features and catalogue), against its own rules (the results digest), and"
                    + " that its counts add up.",
            ""
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:valid, and made by this kit",
            "1:invalid, or made by another kit (each problem named by its field)",
            "2:the file cannot be read"
        })
final class VerifyReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "REPORT", description = "The report.json to check.")
    private Path report;

    @Override
    public Integer call() {
        String text;
        try {
            text = Files.readString(report, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new SetupError(report + " cannot be read: " + e);
        }
        List<String> problems = new ReportCheck(schema(), KitSources.onClassPath()).problems(text);
        if (problems.isEmpty()) {
            spec.commandLine()
                    .getOut()
                    .println(report + ": valid, a report of this kit (" + KitVersion.version() + ")");
            return GmckCli.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("gmck verify-report: " + report + " is not a valid report of this kit: " + problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        problems.stream().skip(1).forEach(p -> err.println("  " + p));
        return GmckCli.NOT_CONFORMING;
    }

    static String schema() {
        try (InputStream in = VerifyReportCommand.class.getClassLoader().getResourceAsStream(ReportJson.SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(ReportJson.SCHEMA + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
