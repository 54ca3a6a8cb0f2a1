package org.gmck.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gmck.kit.catalogue.Level;
import org.gmck.kit.catalogue.Rule;
import org.gmck.kit.catalogue.RuleCatalogue;
import org.gmck.kit.evidence.ScenarioOutcome;
import org.gmck.kit.report.CertificationReport;
import org.gmck.kit.report.RuleVerdict;
import org.gmck.kit.report.Verdict;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Who watches the watchmen: the kit, run exactly as a certifier runs it, must reject every known-bad
 * adapter, and reject it by the rule its {@link Breaks} names and by no other (a fault that breaks only SHOULD
 * or MAY rules is reported as those rules unmet, and the run still conforms, as for any adapter). Each adapter runs only the
 * scenarios of the profile its rule belongs to. To add one, write one small class under
 * {@code org.gmck.selftest}; nothing needs registering.
 */
class KnownBadAdaptersTest {

    /** Narrows the run to the known-bad adapters whose class names contain one of these (comma-separated), for example {@code selftest.x86.}. */
    static final String ONLY = "knownbad.only";

    /**
     * The known-bad adapters are certified in {@value #SHARDS} shards, this class and
     * {@link KnownBadAdaptersSecondShardTest}, so that the build's test forks certify them side by side.
     */
    static final int SHARDS = 2;

    /** Every known-bad adapter, in the order of their class names. */
    static List<Class<?>> knownBad() {
        return ReflectionSupport.findAllClassesInPackage(
                        "org.gmck.selftest",
                        c -> KnownBad.class.isAssignableFrom(c) && c.isAnnotationPresent(Breaks.class),
                        n -> true)
                .stream()
                .sorted(java.util.Comparator.comparing(Class::getName))
                .toList();
    }

    /** The known-bad adapters of one shard: every {@value #SHARDS}th by name, from the shard's number on. */
    static List<Class<?>> shard(int shard) {
        List<Class<?>> all = knownBad();
        return java.util.stream.IntStream.range(0, all.size())
                .filter(i -> i % SHARDS == shard)
                .mapToObj(all::get)
                .toList();
    }

    private static boolean selected(Class<?> c) {
        String only = System.getProperty(ONLY, "").strip();
        return only.isEmpty()
                || java.util.Arrays.stream(only.split(","))
                        .map(String::strip)
                        .anyMatch(part -> !part.isEmpty() && c.getName().contains(part));
    }

    @Test
    void thereAreAtLeastTwelveKnownBadAdaptersEachBreakingACataloguedTestableRule() {
        List<String> wrong = knownBad().stream()
                .map(c -> c.getAnnotation(Breaks.class))
                .flatMap(b -> Stream.concat(Stream.of(b.value()), Stream.of(b.also())))
                .filter(id ->
                        RuleCatalogue.bundled().rule(id).filter(Rule::testable).isEmpty())
                .toList();
        assertEquals(List.of(), wrong, "known-bad adapters name rules that are not catalogued as testable");
        assertTrue(knownBad().size() >= 12, "only " + knownBad().size() + " known-bad adapters");
    }

    @Test
    void theShardsTogetherHoldEveryKnownBadAdapterOnce() {
        List<Class<?>> together = java.util.stream.IntStream.range(0, SHARDS)
                .mapToObj(KnownBadAdaptersTest::shard)
                .flatMap(List::stream)
                .sorted(java.util.Comparator.comparing(Class::getName))
                .toList();
        assertEquals(knownBad(), together);
    }

    @TestFactory
    Stream<DynamicTest> everyKnownBadAdapterIsRejectedByTheRuleItBreaks() {
        return rejections(0);
    }

    /** One dynamic test per known-bad adapter of the shard (narrowed by {@value #ONLY}). */
    static Stream<DynamicTest> rejections(int shard) {
        return shard(shard).stream()
                .filter(KnownBadAdaptersTest::selected)
                .map(c -> dynamicTest(
                        c.getSimpleName() + " is rejected by "
                                + c.getAnnotation(Breaks.class).value(),
                        () -> check(c)));
    }

    /**
     * A disagreement a model-based run found is written out as a scenario; pasted into a feature it must fail
     * the same rule against the same adapter, and pass against the reference.
     */
    private static void replaysEveryCounterexample(Class<?> type, KnownBad bad, CertificationReport report) {
        for (RuleVerdict v : broken(report)) {
            for (org.gmck.kit.evidence.ModelEvidence m : v.evidence().models()) {
                if (m.failure().isEmpty()) {
                    continue;
                }
                String feature = org.gmck.kit.model.ScenarioText.feature(
                        "Counterexample", List.of(m.failure().get().gherkin()));
                java.nio.file.Path dir = java.nio.file.Path.of(
                        "target", "replays", type.getSimpleName(), v.rule().id());
                List<org.gmck.kit.model.ScenarioReplay.Outcome> onBad =
                        org.gmck.kit.model.ScenarioReplay.replay(feature, bad.adapter(), dir.resolve("known-bad"));
                assertEquals(1, onBad.size(), "the counterexample replays as one scenario:\n" + feature);
                assertEquals(
                        org.junit.platform.engine.TestExecutionResult.Status.FAILED,
                        onBad.get(0).status(),
                        type.getSimpleName() + ": the " + m.model() + " model's counterexample for "
                                + v.rule().id() + " does not fail when replayed:\n" + feature + "\n"
                                + onBad.get(0).message());
                assertTrue(
                        onBad.get(0)
                                .message()
                                .contains("Rule broken: " + v.rule().id()),
                        "the replayed counterexample " + "fails another rule: "
                                + onBad.get(0).message());
                List<org.gmck.kit.model.ScenarioReplay.Outcome> onReference = org.gmck.kit.model.ScenarioReplay.replay(
                        feature, new KnownBad() {}.adapter(), dir.resolve("reference"));
                assertTrue(
                        onReference.size() == 1 && onReference.get(0).passed(),
                        "the counterexample for " + v.rule().id() + " must pass against the reference:\n" + feature
                                + "\n" + onReference);
            }
        }
    }

    /** The rules a run found broken: the MUST rules that fail and the SHOULD or MAY rules left unmet. */
    private static List<RuleVerdict> broken(CertificationReport report) {
        return Stream.concat(report.with(Verdict.FAIL).stream(), report.with(Verdict.OPTIONAL_UNMET).stream())
                .toList();
    }

    private static void check(Class<?> type) throws ReflectiveOperationException {
        Breaks breaks = type.getAnnotation(Breaks.class);
        Rule rule = RuleCatalogue.bundled()
                .rule(breaks.value())
                .orElseThrow(() -> new AssertionError(type.getSimpleName() + " claims to break " + breaks.value()
                        + ", which the catalogue does not have"));
        KnownBad bad;
        try {
            bad = (KnownBad) type.getDeclaredConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new AssertionError(type.getSimpleName() + " cannot be constructed", e.getCause());
        }
        java.util.Set<org.gmck.spi.common.Profile> profiles = java.util.EnumSet.of(rule.profile());
        for (String also : breaks.also()) {
            RuleCatalogue.bundled().rule(also).ifPresent(r -> profiles.add(r.profile()));
        }
        CertificationReport report = KitRuns.run(
                        "known-bad/" + type.getSimpleName(),
                        bad.adapter(),
                        Optional.empty(),
                        Optional.of(profiles),
                        breaks.hangs() ? KitRuns.TIMEOUT : KitRuns.DIRECT)
                .report();

        Set<String> expected = new TreeSet<>(List.of(breaks.also()));
        expected.add(breaks.value());
        Set<String> failing =
                broken(report).stream().map(r -> r.rule().id()).collect(Collectors.toCollection(TreeSet::new));
        boolean breaksAMust = expected.stream()
                .map(id -> RuleCatalogue.bundled().rule(id).orElseThrow())
                .anyMatch(r -> r.level() == Level.MUST);
        if (breaksAMust) {
            assertFalse(report.accepted(), type.getSimpleName() + " was accepted: " + report.headline());
            assertEquals(CertificationReport.Outcome.NOT_CONFORMING, report.outcome(), report.headline());
        } else {
            // a fault that breaks only SHOULD or MAY rules is reported as those rules unmet, not rejected (the run
            // covers only the profiles of its rules, so it is incomplete rather than conforming)
            assertTrue(
                    report.outcome() != CertificationReport.Outcome.NOT_CONFORMING,
                    type.getSimpleName() + " breaks only optional rules but was rejected: " + report.headline());
        }
        assertEquals(expected, failing, type.getSimpleName() + " must be rejected by exactly the rules it breaks");
        replaysEveryCounterexample(type, bad, report);
        if (!breaks.message().isEmpty()) {
            for (RuleVerdict v : broken(report)) {
                for (ScenarioOutcome s : v.failing()) {
                    assertTrue(
                            s.message().contains(breaks.message()),
                            s.location() + " failed with a message that does not say " + "'" + breaks.message() + "': "
                                    + s.message());
                    assertTrue(
                            s.message().contains("Rule broken: " + v.rule().id()),
                            "the message must name the rule: " + s.message());
                }
            }
        }
    }
}
