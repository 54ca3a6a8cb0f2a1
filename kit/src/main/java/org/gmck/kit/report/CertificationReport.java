package org.gmck.kit.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gmck.kit.catalogue.Level;
import org.gmck.kit.catalogue.Rule;
import org.gmck.kit.evidence.CaseTally;
import org.gmck.kit.evidence.RuleEvidence;
import org.gmck.kit.protocol.ProcessAdapter;
import org.gmck.spi.common.Profile;

/**
 * The outcome of one run of the kit: the catalogue joined with the scenarios' results, one verdict per
 * rule, and what is needed to trust and reproduce it (kit version and digests, adapter, environment,
 * baseline). Written as {@code report.json} (schema {@code certification-report-1.schema.json}).
 *
 * @param kitVersion       the kit's version
 * @param featuresSha256   digest of the feature files that ran
 * @param catalogueSha256  digest of CONFORMANCE.md
 * @param adapter          the adapter certified; empty when none could be selected
 * @param error            why the run could not certify anything (a wrong option or baseline, an adapter that
 *                         cannot be chosen or describes itself wrongly, a run that did not finish); empty otherwise
 * @param stoppedEarly     why the run stopped before every scenario and check had run (its cap passed, the
 *                         adapter stopped answering); empty when it ran to the end
 * @param environment      JVM and OS, timeout per call, start and end of the run
 * @param baseline         the expected-failure baseline in force
 * @param rules            one verdict per catalogued rule, in catalogue order
 * @param unattributed     checks that failed without naming a rule (a scenario without a rule tag, a check
 *                         that crashed before it could say which rule broke): each makes the run not conforming
 */
public record CertificationReport(
        String kitVersion,
        String featuresSha256,
        String catalogueSha256,
        Optional<AdapterInfo> adapter,
        Optional<String> error,
        Optional<String> stoppedEarly,
        Map<String, String> environment,
        Baseline baseline,
        List<RuleVerdict> rules,
        List<String> unattributed,
        Instant started,
        Instant finished) {

    public CertificationReport {
        rules = List.copyOf(rules);
        unattributed = List.copyOf(unattributed);
    }

    /**
     * The adapter as it describes itself.
     *
     * @param processes for an implementation certified in processes of its own over the adapter protocol: the
     *                  command and every process the run started, with its standard error
     */
    public record AdapterInfo(
            String name,
            String version,
            String implementationClass,
            Set<Profile> declaredProfiles,
            Map<String, String> parameters,
            Optional<ProcessAdapter.Processes> processes) {}

    /** The run's headline outcome. */
    public enum Outcome {
        /** Every testable rule of every declared profile passes. */
        CONFORMING("conforming"),
        /** Some rules fail, and the baseline lists every one of them. */
        NOT_CONFORMING_AS_BASELINED("not-conforming-as-baselined"),
        /** Some rules of declared profiles did not run, so nothing can be claimed. */
        INCOMPLETE("incomplete"),
        /** The baseline lists rules that now pass, or is malformed. */
        BASELINE_STALE("baseline-stale"),
        /** Rules fail that the baseline does not list. */
        NOT_CONFORMING("not-conforming"),
        /** The adapter declares no profile: nothing was certified. */
        NOTHING_DECLARED("nothing-declared"),
        /** The run could not certify anything: see {@link #error()}. */
        ERROR("error");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The rules with a given verdict. */
    public List<RuleVerdict> with(Verdict verdict) {
        return rules.stream().filter(r -> r.verdict() == verdict).toList();
    }

    /** How many rules got each verdict. */
    public Map<Verdict, Integer> counts(Collection<RuleVerdict> of) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        of.forEach(r -> counts.merge(r.verdict(), 1, Integer::sum));
        return counts;
    }

    /** The rules of each profile, for every profile the catalogue has rules in. */
    public Map<Profile, List<RuleVerdict>> byProfile() {
        Map<Profile, List<RuleVerdict>> map = new EnumMap<>(Profile.class);
        rules.forEach(r ->
                map.computeIfAbsent(r.rule().profile(), p -> new ArrayList<>()).add(r));
        return map;
    }

    public Set<Profile> declared() {
        return adapter.map(AdapterInfo::declaredProfiles).orElse(Set.of());
    }

    public Outcome outcome() {
        if (error.isPresent() || adapter.isEmpty()) {
            return Outcome.ERROR;
        }
        if (declared().isEmpty()) {
            return Outcome.NOTHING_DECLARED;
        }
        if (!with(Verdict.FAIL).isEmpty() || !unattributed.isEmpty()) {
            return Outcome.NOT_CONFORMING;
        }
        if (!with(Verdict.UNEXPECTED_PASS).isEmpty() || !baseline.problems().isEmpty()) {
            return Outcome.BASELINE_STALE;
        }
        if (!with(Verdict.NOT_RUN).isEmpty() || stoppedEarly.isPresent()) {
            return Outcome.INCOMPLETE;
        }
        if (!with(Verdict.EXPECTED_FAILURE).isEmpty()) {
            return Outcome.NOT_CONFORMING_AS_BASELINED;
        }
        return Outcome.CONFORMING;
    }

    /** True when the implementation conforms to every declared profile; optional (SHOULD, MAY) rules may be unmet. */
    public boolean conforming() {
        return outcome() == Outcome.CONFORMING;
    }

    /**
     * True when the certification run succeeds: conforming, or failing only rules its baseline lists.
     * This decides the certification command's exit status.
     */
    public boolean accepted() {
        return outcome() == Outcome.CONFORMING || outcome() == Outcome.NOT_CONFORMING_AS_BASELINED;
    }

    /** One line that says what the run established, and never claims conformance it did not check. */
    public String headline() {
        String profiles = declared().stream().sorted().map(Profile::id).collect(Collectors.joining(", "));
        switch (outcome()) {
            case ERROR:
                return "ERROR, NOTHING CERTIFIED: " + error.orElse("no adapter was chosen");
            case NOTHING_DECLARED:
                return "NOTHING CERTIFIED: adapter '" + adapter.get().name()
                        + "' declares no profile, so no rule applies to it";
            case NOT_CONFORMING:
                return "NOT CONFORMING: " + (with(Verdict.FAIL).isEmpty() ? "" : ids(Verdict.FAIL) + " fail")
                        + (unattributed.isEmpty()
                                ? ""
                                : (with(Verdict.FAIL).isEmpty() ? "" : "; ") + unattributed.size()
                                        + " checks failed without naming a rule: " + String.join("; ", unattributed));
            case BASELINE_STALE:
                return "BASELINE STALE: "
                        + (with(Verdict.UNEXPECTED_PASS).isEmpty()
                                ? ""
                                : ids(Verdict.UNEXPECTED_PASS) + " now pass; remove them from the baseline. ")
                        + String.join("; ", baseline.problems());
            case INCOMPLETE:
                return "INCOMPLETE: "
                        + stoppedEarly
                                .map(why -> "the run stopped early: " + why + "; ")
                                .orElse("")
                        + (with(Verdict.NOT_RUN).isEmpty()
                                ? "every rule that ran passes"
                                : "not run: " + ids(Verdict.NOT_RUN) + " of the declared profiles (" + profiles + ")");
            case NOT_CONFORMING_AS_BASELINED:
                return "NOT CONFORMING, AS THE BASELINE EXPECTS: " + ids(Verdict.EXPECTED_FAILURE)
                        + " fail as listed; every other rule of " + profiles + " passes";
            default:
                int optional = with(Verdict.OPTIONAL_UNMET).size();
                return "CONFORMING for the declared profiles (" + profiles + ")"
                        + (optional > 0 ? "; optional rules unmet: " + ids(Verdict.OPTIONAL_UNMET) : "");
        }
    }

    private String ids(Verdict verdict) {
        return with(verdict).stream().map(r -> r.rule().id()).collect(Collectors.joining(", "));
    }

    /** Joins the catalogue with what the run found about each rule. */
    public static List<RuleVerdict> judge(
            Collection<Rule> catalogue, Map<String, RuleEvidence> byRule, Set<Profile> declared, Baseline baseline) {
        List<RuleVerdict> verdicts = new ArrayList<>();
        for (Rule rule : catalogue) {
            verdicts.add(judge(rule, byRule.getOrDefault(rule.id(), RuleEvidence.NONE), declared, baseline));
        }
        return verdicts;
    }

    private static RuleVerdict judge(Rule rule, RuleEvidence ran, Set<Profile> declared, Baseline baseline) {
        if (!rule.testable()) {
            return new RuleVerdict(
                    rule, Verdict.UNTESTABLE, rule.untestableBecause().get(), ran);
        }
        if (!declared.contains(rule.profile())) {
            return new RuleVerdict(
                    rule, Verdict.NOT_APPLICABLE, "profile '" + rule.profile().id() + "' is not declared", ran);
        }
        Optional<String> expected = baseline.reason(rule.id());
        if (ran.anyFailed()) {
            String which = ran.failures();
            if (expected.isPresent()) {
                return new RuleVerdict(
                        rule, Verdict.EXPECTED_FAILURE, "baseline: " + expected.get() + " (" + which + ")", ran);
            }
            return new RuleVerdict(
                    rule, rule.level() == Level.MUST ? Verdict.FAIL : Verdict.OPTIONAL_UNMET, which, ran);
        }
        if (ran.anyNotRun()) {
            return new RuleVerdict(
                    rule, Verdict.NOT_RUN, "some scenarios of this rule were not run: the run stopped early", ran);
        }
        if (!ran.anyPassed()) {
            if (expected.isPresent() && !ran.scenarios().isEmpty()) {
                // every scenario ended without a verdict for this adapter (it could not be asked them), as its
                // baseline says: an expected failure, not a pass
                return new RuleVerdict(
                        rule,
                        Verdict.EXPECTED_FAILURE,
                        "baseline: " + expected.get() + " (no scenario or case of this rule could be judged)",
                        ran);
            }
            return new RuleVerdict(rule, Verdict.NOT_RUN, "no scenario, case or model run of this rule ran", ran);
        }
        if (expected.isPresent()) {
            return new RuleVerdict(
                    rule,
                    Verdict.UNEXPECTED_PASS,
                    "listed in the baseline (" + expected.get()
                            + ") but every check passes: " + ran.scenarios().size() + " scenarios, "
                            + ran.cases().stream().mapToInt(CaseTally::ran).sum() + " cases, "
                            + ran.models().size()
                            + " model runs; remove it from the baseline",
                    ran);
        }
        return new RuleVerdict(rule, Verdict.PASS, "", ran);
    }

    /** Data cases that ran for these rules (a case that carries several rules counts once per rule). */
    public static int cases(Collection<RuleVerdict> of) {
        return of.stream()
                .flatMap(r -> r.evidence().cases().stream())
                .mapToInt(CaseTally::ran)
                .sum();
    }

    /** Model-based runs that compared these rules (a run counts once per rule it compared). */
    public static int modelRuns(Collection<RuleVerdict> of) {
        return of.stream().mapToInt(r -> r.evidence().models().size()).sum();
    }

    /** The environment as recorded in reports. */
    public static Map<String, String> currentEnvironment(String timeout) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("javaVersion", System.getProperty("java.version"));
        env.put("javaVendor", System.getProperty("java.vendor"));
        env.put("javaVm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        env.put("osName", System.getProperty("os.name"));
        env.put("osVersion", System.getProperty("os.version"));
        env.put("osArch", System.getProperty("os.arch"));
        env.put("processors", String.valueOf(Runtime.getRuntime().availableProcessors()));
        env.put("timeoutPerCall", timeout);
        return env;
    }
}
