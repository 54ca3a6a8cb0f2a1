package org.gmck.kit.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.gmck.kit.catalogue.Level;
import org.gmck.kit.catalogue.Rule;
import org.gmck.kit.catalogue.RuleCatalogue;
import org.gmck.spi.common.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gmck rules}: the catalogue's rules, one a line, or those a search finds. */
@Command(
        mixinStandardHelpOptions = true,
        versionProvider = KitVersion.class,
        name = "rules",
        sortOptions = false,
        description = {
            "Lists the catalogue's rules, one a line: id, level, profile and statement. With TEXT, only the rules"
                    + " whose id, statement or source contain it (ignoring case).",
            ""
        })
final class RulesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "TEXT", description = "Words to look for (ignoring case).")
    private Optional<String> text;

    @Option(
            names = "--profile",
            paramLabel = "PROFILE",
            converter = ProfileConverter.class,
            description = "Only the rules of this profile (for example pgm-modes).")
    private Optional<Profile> profile;

    @Option(names = "--level", paramLabel = "LEVEL", description = "Only the rules of this level: MUST, SHOULD or MAY.")
    private Optional<Level> level;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Rule> found = matching(RuleCatalogue.bundled(), text, profile, level);
        for (Rule rule : found) {
            out.println(line(rule));
        }
        if (found.isEmpty()) {
            spec.commandLine().getErr().println("gmck rules: no rule matches");
        }
        return GmckCli.OK;
    }

    /** The rules that contain the text (in id, statement or source) and have the profile and level, in order. */
    static List<Rule> matching(
            RuleCatalogue catalogue, Optional<String> text, Optional<Profile> profile, Optional<Level> level) {
        Optional<String> wanted =
                text.map(t -> t.strip().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty());
        return catalogue.rules().stream()
                .filter(r -> profile.map(p -> r.profile() == p).orElse(true))
                .filter(r -> level.map(l -> r.level() == l).orElse(true))
                .filter(r -> wanted.map(w -> (r.id() + "\n" + r.statement() + "\n" + r.source())
                                .toLowerCase(Locale.ROOT)
                                .contains(w))
                        .orElse(true))
                .toList();
    }

    static String line(Rule rule) {
        return String.format(
                Locale.ROOT,
                "%-15s %-6s %-26s %s",
                rule.id(),
                rule.level(),
                rule.profile().id(),
                rule.statement());
    }
}
