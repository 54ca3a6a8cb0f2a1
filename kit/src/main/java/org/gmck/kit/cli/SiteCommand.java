package org.gmck.kit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gmck.kit.site.Site;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gmck site}: the documentation site, with the verdicts of any set of reports. */
@Command(
        mixinStandardHelpOptions = true,
        versionProvider = KitVersion.class,
        name = "site",
        description = {
            "Writes the kit's documentation site into one folder of static HTML that opens from disk: the rules,"
                    + " the features and their scenarios, pictures drawn from the kit's tables, and a matrix of the"
                    + " verdicts of every report given.",
            ""
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the site was written", "2:a report cannot be read, or the folder cannot be written"})
final class SiteCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the site into.")
    private Path out;

    @Parameters(
            paramLabel = "REPORT",
            arity = "0..*",
            description = "The report.json files whose verdicts the site shows, in the order of its columns.")
    private List<Path> reports = new ArrayList<>();

    @Override
    public Integer call() {
        for (Path r : reports) {
            if (!Files.isRegularFile(r)) {
                throw new SetupError(r + " is not a file");
            }
        }
        Site site;
        try {
            site = Site.ofKit(reports);
        } catch (RuntimeException e) {
            throw new SetupError("a report cannot be read: " + e.getMessage());
        }
        int files;
        try {
            files = site.write(out);
        } catch (IllegalStateException e) {
            throw new SetupError(e.getMessage());
        }
        spec.commandLine()
                .getOut()
                .println("site: " + files + " files in " + out + " (open " + out.resolve("index.html") + "), "
                        + reports.size() + " reports");
        return GmckCli.OK;
    }
}
