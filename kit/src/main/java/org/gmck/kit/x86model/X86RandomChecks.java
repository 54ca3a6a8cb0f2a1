package org.gmck.kit.x86model;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gmck.kit.AdapterRun;
import org.gmck.kit.AdapterRuns;
import org.gmck.kit.CheckGuard;
import org.gmck.kit.NotApplicable;
import org.gmck.kit.NotRun;
import org.gmck.kit.RunLimits;
import org.gmck.kit.Timeouts;
import org.gmck.kit.catalogue.RuleCatalogue;
import org.gmck.kit.certify.CheckSettings;
import org.gmck.kit.evidence.CaseTally;
import org.gmck.kit.evidence.EvidenceEntries;
import org.gmck.kit.report.Baseline;
import org.gmck.kit.x86walk.MemoryWord;
import org.gmck.kit.x86walk.WalkSpec;
import org.gmck.kit.x86walk.X86RuleModel;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.EntryUse;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.Translated;
import org.gmck.spi.x86.X86Mmu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quicktheories.core.Gen;

/**
 * Part of every certification of {@code x86-paging}: random page-table hierarchies in every paging mode
 * (random flags, keys, stray bits, control bits, MAXPHYADDR and accesses), each put to the adapter and to
 * {@link X86RuleModel}. A case that disagrees counts against the rules {@link X86Attribution} names. A second check repeats the access of every case whose register load succeeds and requires the same outcome and memory (X86-AD-5).
 * The cases come from the run's seed; their number follows its depth.
 */
@ExtendWith(CheckSettings.Resolver.class)
public class X86RandomChecks {

    private static final String SOURCE = "random page-table hierarchies";

    static Gen<RandomHierarchy> hierarchies() {
        Gen<List<Integer>> entries =
                lists().of(integers().between(0, (1 << 18) - 1)).ofSize(5);
        Gen<Integer> mode = integers().between(0, 3);
        Gen<Integer> leaf = integers().between(0, 2);
        Gen<Integer> controls = integers().between(0, (1 << 10) - 1);
        Gen<Long> keys = longs().all();
        Gen<Integer> access = integers().between(0, (1 << 15) - 1);
        Gen<Integer> maxPhys = integers().between(0, 3);
        return mode.zip(leaf, controls, (m, l, c) -> new int[] {m, l, c})
                .zip(
                        entries,
                        keys,
                        access,
                        maxPhys,
                        (mlc, e, k, a, p) -> new RandomHierarchy(mlc[0], mlc[1], e, mlc[2], k, a, p));
    }

    /** How many random cases each check makes at a depth. */
    static int cases(CheckSettings settings) {
        return settings.depth().sequences() * 75;
    }

    @Test
    void theAdapterAgreesWithTheRuleModel(CheckSettings settings, AdapterRun run, TestReporter reporter) {
        ConformanceAdapter adapter = applicable(settings, run);
        CheckGuard guard = new CheckGuard(Timeouts.forRun());
        CaseRunner runner = new CaseRunner(adapter, adapter.profiles().contains(Profile.X86_PDPTE_REGISTERS));
        Baseline baseline = Baseline.forRun(RuleCatalogue.bundled(), adapter.profiles());
        Tallies tallies = new Tallies(SOURCE + " (seed " + settings.seed() + ")");
        each(settings, (n, h) -> {
            WalkSpec spec = h.spec();
            X86RuleModel.Expectation expected = X86RuleModel.expect(spec);
            ReplayCase c = ReplayCase.of("random-" + n, expected.decidedBy(), spec);
            Optional<CaseRunner.Difference> difference;
            try {
                difference = guarded(guard, "random case " + n, () -> runner.compare(c));
            } catch (CheckGuard.AdapterFailure e) {
                difference = Optional.of(new CaseRunner.Difference(e.getMessage(), e.hung()));
            }
            if (difference.isPresent() && difference.get().text().contains(X86FixtureChecks.NOT_ASKABLE)) {
                tallies.notAskable(expected.decidedBy());
                return false;
            }
            List<String> failed = baseline.explaining(
                    difference.map(d -> X86Attribution.broken(d, c)).orElse(List.of()));
            String text = difference.map(CaseRunner.Difference::text).orElse("");
            tallies.count(c.id(), describe(spec) + ": " + text, union(expected.decidedBy(), failed), failed);
            return difference.map(CaseRunner.Difference::hung).orElse(false);
        });
        tallies.publish(reporter);
        NotRun.ifStopped();
    }

    @Test
    void repeatingAnAccessChangesNeitherItsOutcomeNorMemory(
            CheckSettings settings, AdapterRun run, TestReporter reporter) {
        ConformanceAdapter adapter = applicable(settings, run);
        CheckGuard guard = new CheckGuard(Timeouts.forRun());
        Tallies tallies = new Tallies(SOURCE + ", each access made twice (seed " + settings.seed() + ")");
        each(settings, (n, h) -> {
            WalkSpec spec = h.spec();
            if (X86RuleModel.expect(spec).atLoad()) {
                // the register load itself must fail: there is no access to repeat
                return false;
            }
            Optional<String> difference;
            boolean hung = false;
            try {
                difference = guarded(guard, "random case " + n, () -> repeat(adapter, spec));
            } catch (CheckGuard.AdapterFailure e) {
                difference = Optional.of(e.getMessage());
                hung = e.hung();
            } catch (RuntimeException e) {
                difference = Optional.of("the adapter threw " + e);
            }
            if (difference.isPresent() && difference.get().contains(X86FixtureChecks.NOT_ASKABLE)) {
                tallies.notAskable(List.of("X86-AD-5"));
                return hung;
            }
            tallies.count(
                    "repeat-" + n,
                    describe(spec) + ": " + difference.orElse(""),
                    List.of("X86-AD-5"),
                    difference.isPresent() ? List.of("X86-AD-5") : List.of());
            return hung;
        });
        tallies.publish(reporter);
        NotRun.ifStopped();
    }

    private static ConformanceAdapter applicable(CheckSettings settings, AdapterRun run) {
        ConformanceAdapter adapter = run.selected();
        NotApplicable.unless(
                settings.runs(Profile.X86_PAGING, adapter.profiles()),
                () -> "adapter '" + adapter.name() + "' does not declare profile x86-paging");
        return adapter;
    }

    /** A case: its number and hierarchy; answers whether the adapter hung on it. */
    private interface Case {
        boolean run(int n, RandomHierarchy h);
    }

    /** Runs the depth's number of cases from the seed, stopping after {@value X86FixtureChecks#HUNG_LIMIT} hangs. */
    private static void each(CheckSettings settings, Case c) {
        int[] n = {0};
        int[] hung = {0};
        qt().withFixedSeed(settings.seed())
                .withExamples(cases(settings))
                .withShrinkCycles(0)
                .forAll(hierarchies())
                .check(h -> {
                    if (RunLimits.stopped().isEmpty() && hung[0] < X86FixtureChecks.HUNG_LIMIT && c.run(++n[0], h)) {
                        hung[0]++;
                    }
                    return true;
                });
    }

    @SuppressWarnings("unchecked")
    private static <T> Optional<T> guarded(
            CheckGuard guard, String what, java.util.concurrent.Callable<Optional<T>> call) {
        AdapterRuns.release();
        return (Optional<T>) guard.call(what, () -> call.call());
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(r -> !all.contains(r)).forEach(all::add);
        return all;
    }

    private static Optional<String> repeat(ConformanceAdapter adapter, WalkSpec spec) {
        X86Mmu mmu = adapter.newX86Mmu(spec.cpu(), spec.guestRamBytes());
        for (MemoryWord w : spec.memory()) {
            if (w.width() == 4) {
                mmu.writePhysical32(w.address(), (int) w.value());
            } else {
                mmu.writePhysical64(w.address(), w.value());
            }
        }
        mmu.setRflags(spec.rflags());
        mmu.setPkru(spec.pkru());
        mmu.setPkrs(spec.pkrs());
        if (!(mmu.loadControlRegisters(spec.registers()) instanceof Loaded)) {
            return Optional.empty();
        }
        Object first = comparable(mmu.access(spec.access()));
        List<Long> afterFirst = read(mmu, spec.memory());
        Object second = comparable(mmu.access(spec.access()));
        List<Long> afterSecond = read(mmu, spec.memory());
        if (!first.equals(second) || !afterFirst.equals(afterSecond)) {
            return Optional.of(spec.access() + ": first " + first + " then " + second + "; memory " + afterFirst
                    + " then " + afterSecond);
        }
        return Optional.empty();
    }

    private static Object comparable(AccessOutcome outcome) {
        if (outcome instanceof Translated t) {
            List<Object> parts = new ArrayList<>(List.of(t.physicalAddress(), t.pageSize(), t.rights()));
            t.entries().stream().map(EntryUse::address).forEach(parts::add);
            return parts;
        }
        return outcome;
    }

    private static List<Long> read(X86Mmu mmu, List<MemoryWord> words) {
        return words.stream()
                .map(w -> w.width() == 4
                        ? Integer.toUnsignedLong(mmu.readPhysical32(w.address()))
                        : mmu.readPhysical64(w.address()))
                .toList();
    }

    private static String describe(WalkSpec spec) {
        return spec.registers() + ", memory " + spec.memory() + ", " + spec.access();
    }

    /** Per-rule tallies of one check. */
    private static final class Tallies {
        private final String source;
        private final Map<String, int[]> counts = new LinkedHashMap<>();
        private final Map<String, Integer> notAskable = new LinkedHashMap<>();
        private final Map<String, List<CaseTally.FailedCase>> first = new LinkedHashMap<>();

        Tallies(String source) {
            this.source = source;
        }

        void count(String id, String difference, List<String> rules, List<String> failed) {
            for (String rule : rules) {
                int[] c = counts.computeIfAbsent(rule, k -> new int[2]);
                c[0]++;
                if (failed.contains(rule)) {
                    c[1]++;
                    List<CaseTally.FailedCase> f = first.computeIfAbsent(rule, k -> new ArrayList<>());
                    if (f.size() < CaseTally.SHOWN) {
                        f.add(new CaseTally.FailedCase(id, difference));
                    }
                }
            }
        }

        void notAskable(List<String> rules) {
            for (String rule : rules) {
                counts.computeIfAbsent(rule, k -> new int[2])[0]++;
                notAskable.merge(rule, 1, Integer::sum);
            }
        }

        void publish(TestReporter reporter) {
            List<String> failures = new ArrayList<>();
            counts.forEach((rule, c) -> {
                CaseTally tally = new CaseTally(
                        source, c[0], c[1], notAskable.getOrDefault(rule, 0), first.getOrDefault(rule, List.of()));
                EvidenceEntries.publish(reporter, rule, tally);
                if (c[1] > 0) {
                    failures.add(rule + ": " + c[1] + " of " + c[0] + " cases, first "
                            + tally.first().get(0));
                }
            });
            assertTrue(failures.isEmpty(), () -> source + ":\n  " + String.join("\n  ", failures));
        }
    }
}
