package org.gmck.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gmck.kit.catalogue.FeatureIndex;
import org.gmck.kit.catalogue.Rule;
import org.gmck.kit.catalogue.RuleCatalogue;
import org.gmck.kit.report.CertificationReport;
import org.gmck.kit.report.KitSources;
import org.gmck.kit.report.RuleIndex;
import org.gmck.kit.report.RuleVerdict;
import org.gmck.kit.report.Verdict;
import org.gmck.reference.binding.ReferenceAdapter;
import org.junit.jupiter.api.Test;

/**
 * The living documentation does not drift: {@code docs/rule-index.md} is exactly what the catalogue, the
 * features and the reference's latest results render to, and it lists every rule and every scenario.
 * Run with {@code -Dgmck.index.update=true} to rewrite it after changing a rule or a scenario.
 */
class RuleIndexDriftTest {

    private static final Path INDEX = Path.of(System.getProperty("kit.root", ".."), "docs", "rule-index.md");
    private static final String MAINTENANCE =
            "Do not edit it by hand: `mvn -B verify -Dgmck.index.update=true` rewrites "
                    + "it, and `mvn -B verify` fails when it drifts from the catalogue, the features or the reference's results.";

    static String render() {
        CertificationReport reference = KitRuns.reference().report();
        Map<String, Verdict> verdicts = reference.rules().stream()
                .collect(Collectors.toMap(r -> r.rule().id(), RuleVerdict::verdict));
        return RuleIndex.render(
                RuleCatalogue.bundled(),
                KitSources.onClassPath().features(),
                verdicts,
                "the reference implementation " + ReferenceAdapter.VERSION,
                "../features/",
                "../CONFORMANCE.md",
                MAINTENANCE);
    }

    @Test
    void theIndexIsWhatTheSourcesRenderTo() throws IOException {
        String expected = render();
        if (Boolean.getBoolean("gmck.index.update")) {
            Files.writeString(INDEX, expected, StandardCharsets.UTF_8);
        }
        assertTrue(Files.isRegularFile(INDEX), INDEX + " is missing; run mvn -B verify -Dgmck.index.update=true");
        assertEquals(
                expected,
                Files.readString(INDEX, StandardCharsets.UTF_8),
                INDEX + " has drifted from CONFORMANCE.md, "
                        + "features/ or the reference's results; run mvn -B verify -Dgmck.index.update=true and commit it");
    }

    @Test
    void theIndexListsEveryRuleAndEveryScenarioOnce() throws IOException {
        String index = Files.readString(INDEX, StandardCharsets.UTF_8);
        Set<String> headed = matches(Pattern.compile("(?m)^### (\\S+)$"), index);
        Set<String> catalogued =
                RuleCatalogue.bundled().rules().stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(catalogued, headed, "rules in the index vs the catalogue");
        Set<String> linked = matches(Pattern.compile("\\(`([^`]+\\.feature:\\d+)`\\)"), index);
        FeatureIndex features = KitSources.onClassPath().features();
        Set<String> scenarios = features.entries().stream()
                .map(e -> e.file() + ":" + e.line())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(scenarios, linked, "scenarios in the index vs the features");
        List<Path> missing = linked.stream()
                .map(l -> Path.of(System.getProperty("kit.root", ".."), "features", l.substring(0, l.lastIndexOf(':'))))
                .filter(p -> !Files.isRegularFile(p))
                .toList();
        assertEquals(List.of(), missing, "the index links to feature files that do not exist");
    }

    private static Set<String> matches(Pattern p, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
