package org.gmck.kit.x86model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gmck.kit.Adapters;
import org.gmck.kit.catalogue.Rule;
import org.gmck.kit.catalogue.RuleCatalogue;
import org.gmck.kit.report.Baseline;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.Profile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Certifies the selected adapter on the x86 fixtures, all of them or a sample that touches every rule,
 * against its expected-failure baseline ({@code -Dconformance.baseline}). Runs only when asked:
 * {@code -Dx86.fixtures.sample=K} replays, per fixture file, the first K cases of every rule;
 * {@code -Dx86.fixtures.sample=all} replays the whole corpus. A failing case is expected when one of its
 * failed rules is in the baseline; any other failure fails the test. A case whose only difference is A set in
 * non-leaf entries a faulting walk checked (permitted by the SDM) fails X86-AD-4 alone. A case the adapter says it "cannot be asked"
 * (an exception whose message holds those words, for example an implicit supervisor access an emulator's
 * harness cannot make) is counted as not askable, neither passed nor failed. The per-rule table goes to
 * {@code target/conformance/x86-fixtures.md}.
 */
class X86FixtureSampleTest {

    /** The system property that asks for the run and its size. */
    static final String PROPERTY = "x86.fixtures.sample";

    /** The words by which an adapter declines a question it cannot put to its implementation. */
    static final String NOT_ASKABLE = X86FixtureChecks.NOT_ASKABLE;

    private static final class Tally {
        int cases;
        int failed;
        int notAskable;
        String firstFailure = "";
    }

    @Test
    void theSampleHoldsOutsideTheBaseline() throws IOException {
        String sample = System.getProperty(PROPERTY, "").strip();
        Assumptions.assumeFalse(sample.isEmpty(), () -> "Skipped: set -D" + PROPERTY + "=K (cases per rule and file) or "
                + "=all to certify the selected adapter on the x86 fixtures");
        int perRule = sample.equals("all") ? Integer.MAX_VALUE : Integer.parseInt(sample);
        ConformanceAdapter adapter = Adapters.selected();
        Assumptions.assumeTrue(adapter.profiles().contains(Profile.X86_PAGING),
                () -> "adapter '" + adapter.name() + "' does not declare profile x86-paging");
        RuleCatalogue catalogue = RuleCatalogue.bundled();
        Baseline baseline = Baseline.forRun(catalogue, adapter.profiles());
        assertTrue(baseline.problems().isEmpty(), () -> "baseline problems: " + baseline.problems());
        CaseRunner runner = new CaseRunner(adapter, adapter.profiles().contains(Profile.X86_PDPTE_REGISTERS));
        Map<String, Tally> rules = new TreeMap<>();
        List<String> unexpected = new ArrayList<>();
        int run = 0;
        for (String file : FixtureCorpus.files()) {
            Map<String, Integer> taken = new TreeMap<>();
            for (ReplayCase c : FixtureCorpus.load(file)) {
                boolean applies = c.rules().stream().allMatch(id -> catalogue.rule(id).map(Rule::profile)
                        .map(adapter.profiles()::contains).orElse(false));
                if (!applies || c.rules().stream().allMatch(id -> taken.getOrDefault(id, 0) >= perRule)) {
                    continue;
                }
                c.rules().forEach(id -> taken.merge(id, 1, Integer::sum));
                run++;
                Optional<CaseRunner.Difference> difference = runner.compare(c);
                if (difference.isPresent() && difference.get().text().contains(NOT_ASKABLE)) {
                    c.rules().forEach(id -> rules.computeIfAbsent(id, k -> new Tally()).notAskable++);
                    continue;
                }
                List<String> failed = difference.map(d -> X86Attribution.broken(d, c)).orElse(List.of());
                for (String id : c.rules()) {
                    Tally t = rules.computeIfAbsent(id, k -> new Tally());
                    t.cases++;
                    if (failed.contains(id)) {
                        t.failed++;
                        if (t.firstFailure.isEmpty()) {
                            t.firstFailure = c.id() + ": " + difference.get().text();
                        }
                    }
                }
                if (!failed.isEmpty() && failed.stream().noneMatch(id -> baseline.reason(id).isPresent())) {
                    unexpected.add("case " + c.id() + " (" + c.comment() + ") rules " + failed + ": " + difference.get().text());
                }
            }
        }
        Path out = Path.of("target", "conformance", "x86-fixtures.md");
        Files.createDirectories(out.getParent());
        StringBuilder s = new StringBuilder(String.format("# x86 fixtures on adapter '%s' %s%n%n%d cases (%s per rule "
                + "and file); baseline: %s%n%n| Rule | Cases | Failed | Not askable | Baseline | First failure |%n| --- | --- | --- | --- | --- | --- |%n",
                adapter.name(), adapter.version(), run, sample, baseline.file().map(Path::toString).orElse("none")));
        rules.forEach((id, t) -> s.append(String.format("| %s | %d | %d | %d | %s | %s |%n", id, t.cases, t.failed, t.notAskable,
                baseline.reason(id).isPresent() ? "listed" : "", t.firstFailure.replace("|", "/"))));
        Files.writeString(out, s, StandardCharsets.UTF_8);
        System.out.printf("x86 fixtures on '%s': %d cases, %d rules, %d unexpected failures; table in %s%n",
                adapter.name(), run, rules.size(), unexpected.size(), out.toAbsolutePath());
        assertTrue(run > 0, "no fixture case applies to adapter " + adapter.name());
        List<String> untouched = rules.entrySet().stream().filter(e -> e.getValue().cases == 0).map(Map.Entry::getKey)
                .toList();
        System.out.println("rules whose every sampled case was not askable: " + untouched);
        assertTrue(unexpected.isEmpty(), () -> unexpected.size() + " fixture cases fail outside the baseline; the first "
                + Math.min(25, unexpected.size()) + ":\n  " + String.join("\n  ", unexpected.subList(0,
                Math.min(25, unexpected.size()))));
    }
}
