package org.gmck.kit.site;

import java.util.List;
import java.util.Map;

/**
 * One certified implementation as the site shows it, read from its {@code report.json}.
 *
 * @param slug     the name of its page and its copy of the report, unique within the site
 * @param name     the adapter's name
 * @param version  the adapter's version
 * @param outcome  the report's overall verdict, for example {@code not-conforming-as-baselined}
 * @param headline the report's one-line outcome
 * @param declared the profiles the adapter declares
 * @param rules    each rule's result, by rule id
 * @param counts   per profile id, the report's own counts (rules, each verdict, scenarios, cases, model runs)
 * @param baseline the expected failures its baseline lists, rule id to reason
 * @param json     the report as it was read
 */
public record Certified(
        String slug,
        String name,
        String version,
        String outcome,
        String headline,
        List<String> declared,
        Map<String, Result> rules,
        Map<String, Map<String, Integer>> counts,
        Map<String, String> baseline,
        String json) {

    public Certified {
        declared = List.copyOf(declared);
        rules = Map.copyOf(rules);
        counts = Map.copyOf(counts);
        baseline = Map.copyOf(baseline);
    }

    /** How the implementation is named on the site. */
    public String title() {
        return name + " " + version;
    }

    /** The result of a rule, or {@code not-run} when the report does not have it. */
    public Result result(String ruleId) {
        return rules.getOrDefault(ruleId, Result.MISSING);
    }

    /**
     * One rule's result in one report.
     *
     * @param verdict  the verdict's label
     * @param reason   why, for every verdict but pass
     * @param failing  the scenarios of the rule that failed
     */
    public record Result(String verdict, String reason, List<Failing> failing) {

        static final Result MISSING = new Result("not-run", "this report does not have the rule", List.of());

        public Result {
            failing = List.copyOf(failing);
        }
    }

    /** A scenario that failed, with where it is and what it said. */
    public record Failing(String name, String file, long line, String message) {}
}
