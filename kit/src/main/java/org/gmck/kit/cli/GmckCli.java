package org.gmck.kit.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The kit's command line, the main class of its standalone jar: {@code certify}, {@code rules},
 * {@code explain}, {@code verify-report} and {@code site}. Every command ends with exit status 0 (conforming, or done),
 * 1 (not conforming, or an invalid report) or 2 (a usage or setup error, said in one line on standard error).
 */
@Command(
        name = "gmck",
        mixinStandardHelpOptions = true,
        versionProvider = KitVersion.class,
        description = {
            "The Guest Memory Conformance Kit's standalone certifier: certifies an implementation from its"
                    + " adapter's jars, lists and explains the catalogue's rules, and checks a report.",
            ""
        },
        subcommands = {
            CertifyCommand.class,
            RulesCommand.class,
            ExplainCommand.class,
            VerifyReportCommand.class,
            SiteCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:conforming (or the command did what it was asked)",
            "1:not conforming, or the report is invalid or from another kit",
            "2:a usage or setup error, said in one line"
        })
public final class GmckCli implements Runnable {

    /** The adapter conforms, or the command did its job. */
    public static final int OK = 0;
    /** The adapter does not conform, or the report checked is invalid or not this kit's. */
    public static final int NOT_CONFORMING = 1;
    /** A wrong option, a missing file, no adapter: nothing was certified. */
    public static final int USAGE = 2;

    private static final String QUIET_LOGGING = "slf4j.internal.verbosity";

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "name a command: certify, rules, explain, verify-report or site");
    }

    /** Runs the command line and exits with its status. */
    public static void main(String... args) {
        // The schema validator logs through SLF4J, which warns on every run that no logger is bound.
        if (System.getProperty(QUIET_LOGGING) == null) {
            System.setProperty(QUIET_LOGGING, "ERROR");
        }
        Charset charset = Charset.defaultCharset();
        int status = run(
                new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true),
                args);
        System.exit(status);
    }

    /** Runs the command line, writing to {@code out} and {@code err}, and returns its exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new GmckCli());
        cli.setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(GmckCli::wrongUsage)
                .setExecutionExceptionHandler(GmckCli::failed);
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    private static int wrongUsage(ParameterException e, String[] args) {
        CommandLine where = e.getCommandLine();
        where.getErr()
                .println(where.getCommandSpec().qualifiedName() + ": " + e.getMessage() + " (see "
                        + where.getCommandSpec().qualifiedName() + " --help)");
        return USAGE;
    }

    private static int failed(Exception e, CommandLine where, ParseResult parsed) {
        String name = where.getCommandSpec().qualifiedName();
        if (e instanceof SetupError setup) {
            where.getErr().println(name + ": " + setup.getMessage());
        } else {
            where.getErr().println(name + ": failed: " + e);
        }
        return USAGE;
    }
}
