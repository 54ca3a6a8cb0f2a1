package org.gmck.kit.cli;

import java.io.PrintWriter;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.gmck.kit.Adapters;
import org.gmck.kit.Timeouts;
import org.gmck.kit.certify.Certification;
import org.gmck.kit.certify.CheckSettings;
import org.gmck.kit.protocol.ProcessAdapter;
import org.gmck.kit.report.Baseline;
import org.gmck.kit.report.CertificationReport;
import org.gmck.kit.report.ReportSink;
import org.gmck.spi.common.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gmck certify}: certifies the adapter in the jars given, as the build's certification does, and
 * writes the report; the exit status is the verdict.
 */
@Command(
        mixinStandardHelpOptions = true,
        versionProvider = KitVersion.class,
        name = "certify",
        sortOptions = false,
        description = {
            "Certifies an implementation: loads its adapter from the jars given (listed in"
                    + " META-INF/services/org.gmck.spi.ConformanceAdapter), runs every check of the profiles it"
                    + " declares, writes the report (report.json, summary.md, summary.html) and prints the verdict.",
            "Progress goes to standard error while the run lasts.",
            ""
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:conforming (or failing only the rules the baseline lists)",
            "1:not conforming (also: incomplete, or a stale baseline)",
            "2:a usage or setup error: a wrong option, an unreadable jar, no adapter, an invalid baseline"
        })
final class CertifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--adapter-jar",
            paramLabel = "JAR",
            description = "The adapter's jar; repeat it, or join jars with the path separator, for an adapter with"
                    + " dependencies (a class folder works too).")
    private List<String> adapterJars;

    @Option(
            names = "--adapter-command",
            paramLabel = "COMMAND",
            description = "Instead of jars: the command that starts an implementation speaking the adapter protocol"
                    + " on its standard input and output (docs/adapter-protocol.md), run by /bin/sh -c.")
    private Optional<String> adapterCommand;

    @Option(
            names = "--isolate",
            description = "Run the JVM adapter of the jars in a child JVM, over the adapter protocol, so that a crash,"
                    + " System.exit or an OutOfMemoryError in it cannot end the certification.")
    private boolean isolate;

    @Option(
            names = "--adapter",
            paramLabel = "NAME",
            description = "The adapter to certify, by name(); needed only when the jars list several.")
    private Optional<String> adapter;

    @Option(
            names = "--profiles",
            split = ",",
            paramLabel = "PROFILE",
            converter = ProfileConverter.class,
            description = "Certify only these of the declared profiles (comma-separated ids, e.g. pgm-modes).")
    private List<Profile> profiles;

    @Option(
            names = "--baseline",
            paramLabel = "FILE",
            description = "The expected-failure baseline: rules listed there may fail without failing the run"
                    + " (default: conformance-baseline.txt in the current folder, if there is one).")
    private Optional<Path> baseline;

    @Option(
            names = "--report",
            paramLabel = "DIR",
            defaultValue = "gmck-report",
            description = "Where the report goes (default: ${DEFAULT-VALUE}); earlier report files there are removed.")
    private Path report;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = TimeoutConverter.class,
            description = "How long one call into the adapter may take: 500ms, 10s (the default), 2m, PT10S.")
    private Optional<String> timeout;

    @Option(
            names = "--depth",
            paramLabel = "DEPTH",
            description = "How many random sequences and cases the model-based runs and random x86 cases make:"
                    + " quick, standard (the default) or deep.")
    private Optional<CheckSettings.Depth> depth;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "The seed of those sequences and cases (recorded in the report, so that a run replays).")
    private Optional<Long> seed;

    @Option(names = "--no-progress", description = "Print no progress while the run lasts.")
    private boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean jars = adapterJars != null && !adapterJars.isEmpty();
        if (adapterCommand.isPresent() == jars) {
            throw new SetupError("give either --adapter-jar or --adapter-command");
        }
        if (isolate && !jars) {
            throw new SetupError(
                    "--isolate runs the JVM adapter of --adapter-jar in a child JVM; it needs --adapter-jar");
        }
        AdapterClassPath classPath = jars ? AdapterClassPath.of(adapterJars) : null;
        baseline.flatMap(b -> Baseline.unreadable(b.toAbsolutePath())).ifPresent(why -> {
            throw new SetupError("--baseline " + baseline.get() + ": " + why);
        });
        Duration perCall = timeout.map(Timeouts::parse).orElse(Duration.ofSeconds(10));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Map<String, String> properties = new LinkedHashMap<>();
        for (String key : List.of(Adapters.PROPERTY, Timeouts.PROPERTY, Baseline.PROPERTY)) {
            properties.put(key, System.getProperty(key));
        }
        try (URLClassLoader loader = jars ? classPath.loader() : null) {
            // The harness reads these three from system properties, as the build's certification sets them.
            String name = "";
            if (jars) {
                name = AdapterClassPath.adapters(loader, perCall).choose(adapter);
                System.setProperty(Adapters.PROPERTY, name);
            }
            timeout.ifPresent(t -> System.setProperty(Timeouts.PROPERTY, t));
            baseline.ifPresent(b ->
                    System.setProperty(Baseline.PROPERTY, b.toAbsolutePath().toString()));
            Certification run = Certification.into(report.toAbsolutePath());
            if (profiles != null && !profiles.isEmpty()) {
                run = run.onlyProfiles(EnumSet.copyOf(profiles));
            }
            if (depth.isPresent()) {
                run = run.with(CheckSettings.DEPTH, depth.get().label());
            }
            if (seed.isPresent()) {
                run = run.with(CheckSettings.SEED, Long.toString(seed.get()));
            }
            if (!quiet) {
                run = run.watchedBy(new Progress(err, System::nanoTime));
            }
            ReportSink.Published published;
            if (adapterCommand.isPresent()) {
                published = run.runProcess(ProcessAdapter.command(adapterCommand.get()));
            } else if (isolate) {
                published = run.runProcess(ProcessAdapter.isolated(name, classPath.entries()));
            } else {
                Thread.currentThread().setContextClassLoader(loader);
                published = run.run();
            }
            return verdict(published, out, err);
        } catch (java.io.IOException e) {
            throw new SetupError("the adapter jars cannot be closed: " + e.getMessage());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
            properties.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    /** Prints the one-line verdict with the report's path, and gives the exit status it means. */
    static int verdict(ReportSink.Published published, PrintWriter out, PrintWriter err) {
        CertificationReport report = published.report();
        Path json = published.folder().resolve("report.json").toAbsolutePath();
        if (report.outcome() == CertificationReport.Outcome.ERROR) {
            err.println("gmck certify: " + report.error().orElse(report.headline()) + " (report: " + json + ")");
            return GmckCli.USAGE;
        }
        out.println(report.headline() + " (report: " + json + ")");
        return report.accepted() ? GmckCli.OK : GmckCli.NOT_CONFORMING;
    }
}
