package org.gmck.kit.x86model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gmck.kit.AdapterRun;
import org.gmck.kit.AdapterRuns;
import org.gmck.kit.CheckGuard;
import org.gmck.kit.NotApplicable;
import org.gmck.kit.NotRun;
import org.gmck.kit.RunLimits;
import org.gmck.kit.Timeouts;
import org.gmck.kit.catalogue.Rule;
import org.gmck.kit.catalogue.RuleCatalogue;
import org.gmck.kit.certify.CheckSettings;
import org.gmck.kit.evidence.CaseTally;
import org.gmck.kit.evidence.EvidenceEntries;
import org.gmck.kit.report.Baseline;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Part of every certification: each case of the x86 fixture corpus, replayed through the SPI against the
 * adapter under test when it declares {@code x86-paging}. A case runs when the adapter declares the profiles
 * of all its rules. Each file's cases are tallied per rule they carry (see {@link CaseTally}): a case that
 * fails counts against the rules its difference breaks, whether the case carries them or not (see
 * {@link X86Attribution}; when the adapter's baseline lists some of those rules, the case counts against them
 * alone, as the deviation they list explains it), and a case the adapter declines with an exception
 * saying it "{@value #NOT_ASKABLE}" counts as not askable (neither passed nor failed). An adapter that stops
 * answering ({@value #HUNG_LIMIT} cases out of time in one file; a case's calls together get the time one call
 * gets) has the file's remaining cases counted as failed, so that a hang costs a few timeouts, not one per case.
 */
@ExtendWith(CheckSettings.Resolver.class)
public class X86FixtureChecks {

    /** The words by which an adapter declines a question it cannot put to its implementation. */
    public static final String NOT_ASKABLE = org.gmck.kit.NotApplicable.CANNOT_BE_ASKED;

    static final int HUNG_LIMIT = 3;

    static List<String> files() {
        return FixtureCorpus.files();
    }

    @ParameterizedTest(name = "x86 fixtures: {0}")
    @MethodSource("files")
    void everyCaseHolds(String file, CheckSettings settings, AdapterRun run, TestReporter reporter) {
        ConformanceAdapter adapter = run.selected();
        Set<Profile> declared = adapter.profiles();
        NotApplicable.unless(
                settings.runs(Profile.X86_PAGING, declared),
                () -> "adapter '" + adapter.name() + "' does not declare profile x86-paging");
        RuleCatalogue catalogue = RuleCatalogue.bundled();
        Baseline baseline = Baseline.forRun(catalogue, declared);
        CheckGuard guard = new CheckGuard(Timeouts.forRun());
        CaseRunner runner = new CaseRunner(adapter, declared.contains(Profile.X86_PDPTE_REGISTERS));
        Map<String, Tally> tallies = new LinkedHashMap<>();
        Map<String, Integer> taken = new LinkedHashMap<>();
        int hung = 0;
        List<ReplayCase> cases = FixtureCorpus.load(file);
        for (ReplayCase c : cases) {
            if (RunLimits.stopped().isPresent()) {
                break;
            }
            boolean applies = c.rules().stream()
                    .allMatch(id -> catalogue
                            .rule(id)
                            .map(Rule::profile)
                            .map(declared::contains)
                            .orElseThrow(() -> new IllegalStateException("case " + c.id() + " names rule " + id
                                    + ", which CONFORMANCE.md does not catalogue")));
            if (!applies || c.rules().stream().allMatch(id -> taken.getOrDefault(id, 0) >= settings.fixtureSample())) {
                continue;
            }
            c.rules().forEach(id -> taken.merge(id, 1, Integer::sum));
            if (hung >= HUNG_LIMIT) {
                c.rules().forEach(id -> tally(tallies, id).fail(c.id(), "not run: the adapter stopped answering"));
                continue;
            }
            Optional<CaseRunner.Difference> difference = compare(guard, runner, c);
            if (difference.isPresent() && difference.get().hung()) {
                hung++;
            }
            if (difference.isPresent() && difference.get().text().contains(NOT_ASKABLE)) {
                c.rules().forEach(id -> tally(tallies, id).notAskable());
                continue;
            }
            List<String> failed = baseline.explaining(
                    difference.map(d -> X86Attribution.broken(d, c)).orElse(List.of()));
            for (String id : c.rules()) {
                if (failed.contains(id)) {
                    tally(tallies, id).fail(c.id(), difference.get().text());
                } else {
                    tally(tallies, id).pass();
                }
            }
            failed.stream()
                    .filter(id -> !c.rules().contains(id))
                    .forEach(id ->
                            tally(tallies, id).fail(c.id(), difference.get().text()));
        }
        String source = "x86-fixtures/" + file + ".json";
        List<String> failures = new ArrayList<>();
        tallies.forEach((rule, t) -> {
            CaseTally tally = t.done(source);
            EvidenceEntries.publish(reporter, rule, tally);
            if (tally.failed() > 0) {
                failures.add(rule + ": " + tally.failed() + " of " + tally.ran() + " cases fail, first "
                        + tally.first().get(0).id() + ": "
                        + tally.first().get(0).difference());
            }
        });
        NotRun.ifStopped("; " + file + " was cut short");
        assertTrue(!tallies.isEmpty(), "no case of " + file + " applies to adapter " + adapter.name());
        assertTrue(failures.isEmpty(), () -> "x86 fixtures, " + source + ":\n  " + String.join("\n  ", failures));
    }

    /** One case within the run's timeout: the case's calls together may take as long as one call may. */
    @SuppressWarnings("unchecked")
    private static Optional<CaseRunner.Difference> compare(CheckGuard guard, CaseRunner runner, ReplayCase c) {
        AdapterRuns.release();
        try {
            return (Optional<CaseRunner.Difference>) guard.call("x86 fixture case " + c.id(), () -> runner.compare(c));
        } catch (CheckGuard.AdapterFailure e) {
            return Optional.of(new CaseRunner.Difference(e.getMessage(), e.hung()));
        }
    }

    private static Tally tally(Map<String, Tally> tallies, String rule) {
        return tallies.computeIfAbsent(rule, k -> new Tally());
    }

    /** A rule's cases in one file, as they are counted. */
    private static final class Tally {
        private int ran;
        private int failed;
        private int notAskable;
        private final List<CaseTally.FailedCase> first = new ArrayList<>();

        void pass() {
            ran++;
        }

        void notAskable() {
            ran++;
            notAskable++;
        }

        void fail(String id, String difference) {
            ran++;
            failed++;
            if (first.size() < CaseTally.SHOWN) {
                first.add(new CaseTally.FailedCase(id, difference));
            }
        }

        CaseTally done(String source) {
            return new CaseTally(source, ran, failed, notAskable, first);
        }
    }
}
