package org.gmck.kit.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.gmck.kit.catalogue.FeatureIndex;
import org.gmck.kit.catalogue.Rule;
import org.gmck.kit.catalogue.RuleCatalogue;
import org.gmck.spi.common.Profile;

/**
 * The browsable rule index (living documentation), generated from the catalogue and the features, with
 * each rule's latest verdict for one adapter. The repository keeps the reference's index in
 * {@code docs/rule-index.md}; the kit's build fails when that file drifts from what this class renders.
 */
public final class RuleIndex {

    private RuleIndex() {}

    /**
     * @param verdicts     the latest verdict per rule id
     * @param verdictOf    who the verdicts are for, for example {@code the reference implementation 0.1.0}
     * @param featuresLink how links reach the features folder from where the index is written, for example
     *                     {@code ../features/}
     * @param catalogueLink how links reach CONFORMANCE.md, for example {@code ../CONFORMANCE.md}
     * @param maintenance  a closing sentence on how the file is kept up to date, or empty
     */
    public static String render(
            RuleCatalogue catalogue,
            FeatureIndex features,
            Map<String, Verdict> verdicts,
            String verdictOf,
            String featuresLink,
            String catalogueLink,
            String maintenance) {
        Map<String, List<FeatureIndex.Entry>> scenarios = new TreeMap<>();
        for (FeatureIndex.Entry e : features.entries()) {
            FeatureIndex.ruleIds(e)
                    .forEach(id -> scenarios
                            .computeIfAbsent(id, k -> new ArrayList<>())
                            .add(e));
        }
        Map<Profile, List<Rule>> byProfile = new TreeMap<>();
        catalogue
                .rules()
                .forEach(r -> byProfile
                        .computeIfAbsent(r.profile(), p -> new ArrayList<>())
                        .add(r));

        StringBuilder md = new StringBuilder();
        md.append("# Rule index\n\n")
                .append(
                        "Every rule of the kit: its statement, its source, the scenarios that check it, and its latest verdict for ")
                .append(verdictOf)
                .append(".\n\n")
                .append("Generated from the catalogue in [CONFORMANCE.md](")
                .append(catalogueLink)
                .append(") and the scenarios under [features/](")
                .append(featuresLink)
                .append(").")
                .append(maintenance.isEmpty() ? "" : " " + maintenance)
                .append("\n\n");
        md.append("| Profile | Rules | Scenarios |\n| --- | --- | --- |\n");
        byProfile.forEach((profile, rules) -> md.append("| [")
                .append(profile.id())
                .append("](#profile-")
                .append(profile.id())
                .append(") | ")
                .append(rules.size())
                .append(" | ")
                .append(rules.stream()
                        .mapToInt(r -> scenarios.getOrDefault(r.id(), List.of()).size())
                        .sum())
                .append(" |\n"));
        byProfile.forEach((profile, rules) -> {
            md.append("\n## Profile ").append(profile.id()).append("\n");
            for (Rule rule : rules) {
                md.append("\n### ").append(rule.id()).append("\n\n");
                md.append(rule.statement()).append("\n\n");
                md.append("- Level: ").append(rule.level()).append("\n");
                md.append("- Source: ").append(rule.source()).append("\n");
                md.append("- Verdict: **")
                        .append(verdicts.getOrDefault(rule.id(), Verdict.NOT_RUN)
                                .label())
                        .append("**\n");
                if (!rule.testable()) {
                    md.append("- Untestable: ")
                            .append(rule.untestableBecause().get())
                            .append("\n");
                }
                List<FeatureIndex.Entry> checks = scenarios.getOrDefault(rule.id(), List.of());
                if (!rule.variants().isEmpty()) {
                    md.append("- Variants:");
                    String dimension = null;
                    for (org.gmck.kit.catalogue.Variant v : rule.variants()) {
                        if (!v.dimension().equals(dimension)) {
                            md.append(dimension == null ? " " : "; ")
                                    .append(v.dimension())
                                    .append(": ");
                            dimension = v.dimension();
                        } else {
                            md.append(", ");
                        }
                        long n = checks.stream()
                                .filter(e -> e.variants().contains(v.name()))
                                .count();
                        md.append('`')
                                .append(v.name())
                                .append("` (")
                                .append(n)
                                .append(n == 1 ? " scenario)" : " scenarios)");
                    }
                    md.append("\n");
                }
                if (!checks.isEmpty()) {
                    md.append("- Scenarios:\n");
                    for (FeatureIndex.Entry e : checks) {
                        md.append("  - [")
                                .append(e.name().replace("[", "\\[").replace("]", "\\]"))
                                .append("](")
                                .append(featuresLink)
                                .append(e.file())
                                .append("#L")
                                .append(e.line())
                                .append(") (`")
                                .append(e.file())
                                .append(':')
                                .append(e.line())
                                .append("`)")
                                .append(readings(e))
                                .append("\n");
                    }
                }
            }
        });
        return md.toString();
    }

    /**
     * For a scenario that holds under a declared reading only (some of its Examples, or all of it), which
     * readings: judged only for an adapter that declares them.
     */
    private static String readings(FeatureIndex.Entry e) {
        List<String> readings = e.readings();
        if (readings.isEmpty()) {
            return "";
        }
        return (e.judgedForEveryAdapter() ? ", some examples only under " : ", only under ")
                + readings.stream()
                        .map(t -> "`" + t.substring(org.gmck.kit.catalogue.Reading.TAG_PREFIX.length()) + "`")
                        .collect(java.util.stream.Collectors.joining(" or "));
    }

    /** The Markdown anchor of a rule's heading in the index. */
    public static String anchor(String ruleId) {
        return ruleId.toLowerCase(Locale.ROOT);
    }
}
