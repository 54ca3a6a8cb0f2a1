package org.gmck.kit.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.gmck.kit.catalogue.FeatureIndex;
import org.gmck.kit.catalogue.Interpretation;
import org.gmck.kit.catalogue.Interpretations;
import org.gmck.kit.catalogue.Rule;
import org.gmck.kit.catalogue.RuleCatalogue;
import org.gmck.kit.catalogue.Variant;
import org.gmck.kit.report.KitSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gmck explain RULE}: one rule in full, with the interpretations it rests on and its scenarios. */
@Command(
        mixinStandardHelpOptions = true,
        versionProvider = KitVersion.class,
        name = "explain",
        description = {
            "Explains one rule: its statement, level, profile and source, the interpretations it cites or is"
                    + " named by, its variants, and the scenarios that check it (feature file, line and name).",
            ""
        })
final class ExplainCommand implements Callable<Integer> {

    static final int WIDTH = 100;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "RULE", description = "The rule's id, for example PGM-MODE-4 (case does not matter).")
    private String id;

    @Override
    public Integer call() {
        RuleCatalogue catalogue = RuleCatalogue.bundled();
        Rule rule = catalogue
                .rule(id.strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new SetupError(unknown(catalogue, id)));
        explain(
                rule,
                Interpretations.bundled(),
                KitSources.onClassPath().features(),
                spec.commandLine().getOut());
        return GmckCli.OK;
    }

    static void explain(Rule rule, Interpretations interpretations, FeatureIndex features, PrintWriter out) {
        out.println(
                rule.id() + "  " + rule.level() + "  profile " + rule.profile().id());
        out.println();
        paragraph(out, "Statement", rule.statement());
        paragraph(out, "Source", rule.source());
        paragraph(
                out,
                "Testable",
                rule.untestableBecause().map(why -> "no: " + why).orElse("yes"));
        paragraph(out, "Variants", variants(rule));
        List<Interpretation> cited = interpretations.citedBy(rule);
        List<Interpretation> naming = interpretations.naming(rule).stream()
                .filter(i -> !cited.contains(i))
                .toList();
        for (Interpretation i : cited) {
            paragraph(out, "Interpretation " + i.id() + " (cited)", i.text());
        }
        for (Interpretation i : naming) {
            paragraph(out, "Interpretation " + i.id() + " (names this rule)", i.text());
        }
        List<FeatureIndex.Entry> scenarios = features.entries().stream()
                .filter(e -> FeatureIndex.ruleIds(e).contains(rule.id()))
                .sorted(Comparator.comparing(FeatureIndex.Entry::file).thenComparing(FeatureIndex.Entry::line))
                .toList();
        out.println("Scenarios (" + scenarios.size() + "):");
        for (FeatureIndex.Entry e : scenarios) {
            out.println("  features/" + e.file() + ":" + e.line() + "  " + e.name()
                    + (e.variants().isEmpty() ? "" : "  [" + String.join(", ", e.variants()) + "]"));
        }
        if (scenarios.isEmpty()) {
            out.println("  none");
        }
    }

    private static String variants(Rule rule) {
        if (rule.variants().isEmpty()) {
            return "none: the statement covers one case";
        }
        Map<String, List<String>> byDimension = new LinkedHashMap<>();
        for (Variant v : rule.variants()) {
            byDimension
                    .computeIfAbsent(v.dimension(), d -> new java.util.ArrayList<>())
                    .add(v.name());
        }
        return byDimension.entrySet().stream()
                .map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
    }

    /** A heading, and the text under it wrapped and indented. */
    private static void paragraph(PrintWriter out, String heading, String text) {
        out.println(heading + ":");
        StringBuilder line = new StringBuilder("  ");
        for (String word : text.split("\\s+")) {
            if (line.length() > 2 && line.length() + 1 + word.length() > WIDTH) {
                out.println(line);
                line = new StringBuilder("  ");
            }
            if (line.length() > 2) {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line);
        out.println();
    }

    /** Says that the catalogue has no such rule, and names the ids closest to it. */
    static String unknown(RuleCatalogue catalogue, String id) {
        String wanted = id.strip().toUpperCase(Locale.ROOT);
        List<String> close = catalogue.rules().stream()
                .map(Rule::id)
                .sorted(Comparator.comparingInt((String r) -> distance(r, wanted))
                        .thenComparing(r -> r))
                .limit(5)
                .filter(r -> distance(r, wanted) <= Math.max(3, wanted.length() / 2))
                .toList();
        return "the catalogue has no rule '" + id + "'"
                + (close.isEmpty()
                        ? "; list the rules with: gmck rules TEXT"
                        : "; the closest ids: " + String.join(", ", close));
    }

    /** The edit distance between two ids. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
