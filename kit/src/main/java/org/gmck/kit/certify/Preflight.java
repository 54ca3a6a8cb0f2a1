package org.gmck.kit.certify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.gmck.kit.AdapterMetadata;
import org.gmck.kit.AdapterRun;
import org.gmck.kit.Adapters;
import org.gmck.kit.RunLimits;
import org.gmck.kit.Timeouts;
import org.gmck.kit.catalogue.RuleCatalogue;
import org.gmck.kit.report.Baseline;
import org.gmck.spi.common.Profile;

/**
 * Everything a certification run checks before it runs anything: each option (named with the value given
 * when it is wrong), the baseline, the report folder, and the adapter (chosen, and its name, version, profiles
 * and parameters read once within the timeout per call and validated). A run that fails any of these certifies
 * nothing and reports why, in one line per problem.
 */
final class Preflight {

    private final Map<String, String> settings;

    Preflight(Map<String, String> settings) {
        this.settings = settings;
    }

    /** The outcome of the checks: the adapter's metadata when it could be read, and the problems found. */
    record Checked(Optional<AdapterMetadata> adapter, Optional<Duration> runCap, int maxHangs, List<String> problems) {
        boolean ready() {
            return problems.isEmpty() && adapter.isPresent();
        }
    }

    /** The value of an option: the run's own settings first, then the system property. */
    Optional<String> option(String name) {
        String v = settings.containsKey(name) ? settings.get(name) : System.getProperty(name);
        return Optional.ofNullable(v);
    }

    Checked check(Path folder, AdapterRun run) {
        List<String> problems = new ArrayList<>();
        folder(folder).ifPresent(problems::add);
        option(Timeouts.PROPERTY).ifPresent(v -> parse(Timeouts.PROPERTY, v, Timeouts::parse, problems));
        Optional<Duration> cap =
                option(RunLimits.RUN_TIMEOUT).map(v -> parse(RunLimits.RUN_TIMEOUT, v, Timeouts::parse, problems));
        Integer hangs = option(RunLimits.MAX_HANGS)
                .map(v -> parse(RunLimits.MAX_HANGS, v, Preflight::positive, problems))
                .orElse(RunLimits.DEFAULT_MAX_HANGS);
        parse("the check settings", "", x -> CheckSettings.from(this::option), problems);
        option(Certification.CUCUMBER_REPORTS)
                .ifPresent(v -> parse(
                        Certification.CUCUMBER_REPORTS,
                        v,
                        x -> CheckSettings.flag(Certification.CUCUMBER_REPORTS, x),
                        problems));
        Optional<AdapterMetadata> adapter = Optional.empty();
        try {
            adapter = Optional.of(run.metadata());
        } catch (Adapters.AdapterSelectionError e) {
            problems.add(e.getMessage());
        }
        adapter.ifPresent(a -> baseline(a.profiles()).ifPresent(problems::add));
        return new Checked(adapter, cap, hangs == null ? RunLimits.DEFAULT_MAX_HANGS : hangs, List.copyOf(problems));
    }

    private static <T> T parse(String option, String value, Function<String, T> parser, List<String> problems) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            problems.add((value.isEmpty() ? "" : "-D" + option + "=" + value + ": ") + e.getMessage());
            return null;
        }
    }

    private static Integer positive(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("'" + text + "' is not a positive whole number");
    }

    /** Why the report folder cannot hold the report, if it cannot. */
    private static Optional<String> folder(Path folder) {
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".gmck-", ".probe");
            Files.delete(probe);
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of("the report folder " + folder.toAbsolutePath() + " (-Dconformance.report.dir) cannot be "
                    + "created or written: " + e);
        }
    }

    /** What is wrong with the baseline, if anything (the file itself, then its lines), naming the option. */
    private static Optional<String> baseline(Set<Profile> declared) {
        List<String> problems =
                Baseline.forRun(RuleCatalogue.bundled(), declared).problems();
        String named = System.getProperty(Baseline.PROPERTY, "").strip();
        String option = named.isEmpty() ? "" : "-D" + Baseline.PROPERTY + "=" + named + ": ";
        return problems.isEmpty() ? Optional.empty() : Optional.of(option + String.join("; ", problems));
    }
}
