package org.gmck.kit.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gmck.spi.common.Profile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the catalogue in CONFORMANCE.md and the features in step: every scenario belongs to exactly one
 * catalogued rule and one profile, cites its rule's source, and every testable rule has a scenario.
 */
class CatalogueConsistencyTest {

    private static RuleCatalogue catalogue;
    private static FeatureIndex features;

    @BeforeAll
    static void read() {
        catalogue = RuleCatalogue.bundled();
        Path root = Path.of(System.getProperty("kit.root", ".."));
        features = FeatureIndex.read(root.resolve("features"));
    }

    @Test
    void theCatalogueParsesCleanly() {
        assertEquals(List.of(), catalogue.problems(), "malformed catalogue rows in CONFORMANCE.md");
        assertFalse(catalogue.rules().isEmpty(), "CONFORMANCE.md catalogues no rules");
    }

    @Test
    void everyScenarioHasExactlyOneRuleTagAndOneProfileTag() {
        List<String> wrong = new ArrayList<>();
        for (FeatureIndex.Entry e : features.entries()) {
            List<String> rules = FeatureIndex.ruleIds(e);
            long profiles =
                    e.tags().stream().filter(t -> Profile.byTag(t).isPresent()).count();
            long unknownProfiles = e.tags().stream()
                    .filter(t ->
                            t.startsWith(Profile.TAG_PREFIX) && Profile.byTag(t).isEmpty())
                    .count();
            if (rules.size() != 1 || profiles != 1 || unknownProfiles != 0) {
                wrong.add(e.where() + " has rule tags " + rules + " and " + profiles + " known profile tags"
                        + (unknownProfiles > 0 ? " plus unknown profile tags" : ""));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyRuleTagNamesACataloguedRuleOfTheSameProfile() {
        List<String> wrong = new ArrayList<>();
        for (FeatureIndex.Entry e : features.entries()) {
            for (String id : FeatureIndex.ruleIds(e)) {
                Optional<Rule> rule = catalogue.rule(id);
                if (rule.isEmpty()) {
                    wrong.add(e.where() + " is tagged @" + id + ", which CONFORMANCE.md does not catalogue");
                    continue;
                }
                String expected = rule.get().profile().tag();
                if (!e.tags().contains(expected)) {
                    wrong.add(e.where() + " checks " + id + " of profile "
                            + rule.get().profile().id() + " but is not tagged " + expected);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * Every rule cites a text the source key lists, by the name the key gives it ("VirtualBox GMMR0.cpp of
     * 2007 [002]"), or an Intel SDM section, so that a reader can find what it restates.
     */
    @Test
    void everyRuleCitesATextTheSourceKeyLists() throws java.io.IOException {
        String conformance =
                java.nio.file.Files.readString(Path.of(System.getProperty("kit.root", ".."), "CONFORMANCE.md"));
        java.util.regex.Matcher keyRow = java.util.regex.Pattern.compile("(?m)^\\| (\\[\\d{3}\\]) \\| ([^|]+?) \\|")
                .matcher(conformance.substring(conformance.indexOf("## Source key")));
        List<String> cited = new ArrayList<>();
        while (keyRow.find()) {
            cited.add(keyRow.group(2) + " " + keyRow.group(1) + ", ");
        }
        assertFalse(cited.isEmpty(), "CONFORMANCE.md's source key lists no texts");
        List<String> wrong = catalogue.rules().stream()
                .filter(rule -> !rule.source().startsWith("Intel SDM ")
                        && cited.stream().noneMatch(rule.source()::startsWith))
                .map(rule -> rule.id() + " cites '" + rule.source() + "', which names no text of the source key")
                .toList();
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyScenarioCitesItsRulesSource() {
        List<String> wrong = new ArrayList<>();
        for (FeatureIndex.Entry e : features.entries()) {
            for (String id : FeatureIndex.ruleIds(e)) {
                catalogue.rule(id).ifPresent(rule -> {
                    if (!e.source().equals(Optional.of(rule.source()))) {
                        wrong.add(e.where() + " cites " + e.source().orElse("no source") + " but " + id + " is from "
                                + rule.source());
                    }
                });
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyTestableRuleHasAScenarioAndNoUntestableRuleHasOne() {
        Map<String, Long> scenariosPerRule = features.entries().stream()
                .flatMap(e -> FeatureIndex.ruleIds(e).stream())
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        List<String> wrong = new ArrayList<>();
        for (Rule rule : catalogue.rules()) {
            long n = scenariosPerRule.getOrDefault(rule.id(), 0L);
            if (rule.testable() && n == 0) {
                wrong.add(rule.id() + " is testable but no scenario checks it");
            } else if (!rule.testable() && n > 0) {
                wrong.add(rule.id() + " is catalogued as untestable ("
                        + rule.untestableBecause().get() + ") but " + n + " scenarios check it");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyVariantOfEveryTestableRuleHasAScenario() {
        Map<String, Set<String>> checked = new java.util.HashMap<>();
        for (FeatureIndex.Entry e : features.entries()) {
            for (String id : FeatureIndex.ruleIds(e)) {
                checked.computeIfAbsent(id, k -> new java.util.TreeSet<>()).addAll(e.variants());
            }
        }
        List<String> missing = new ArrayList<>();
        for (Rule rule : catalogue.rules()) {
            for (Variant v : rule.variants()) {
                if (!checked.getOrDefault(rule.id(), Set.of()).contains(v.name())) {
                    missing.add(rule.id() + " variant " + v + ": no scenario is tagged " + v.tag());
                }
            }
        }
        assertEquals(List.of(), missing, "each variant a rule's Variants column names needs its own example");
    }

    @Test
    void everyVariantTagNamesAVariantOfTheScenariosRule() {
        List<String> wrong = new ArrayList<>();
        for (FeatureIndex.Entry e : features.entries()) {
            for (String id : FeatureIndex.ruleIds(e)) {
                catalogue
                        .rule(id)
                        .ifPresent(rule -> e.variants().stream()
                                .filter(v -> rule.variant(v).isEmpty())
                                .forEach(v -> wrong.add(e.where() + " is tagged " + Variant.TAG_PREFIX + v
                                        + ", which is not a variant of " + id + " (its variants: "
                                        + (rule.variants().isEmpty() ? "none" : rule.variants()) + ")")));
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** Every interpretation a rule's statement cites is written down, not just the first. */
    @Test
    void everyInterpretationARuleCitesIsWrittenDown() {
        java.util.regex.Pattern cited = java.util.regex.Pattern.compile("\\bI-(?:[A-Z0-9]+-)?[0-9]+\\b");
        List<String> missing = new ArrayList<>();
        for (Rule rule : catalogue.rules()) {
            java.util.regex.Matcher m = cited.matcher(rule.statement());
            while (m.find()) {
                if (Interpretations.bundled().interpretation(m.group()).isEmpty()) {
                    missing.add(rule.id() + " cites " + m.group() + ", which CONFORMANCE.md does not write down");
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theDeclaredReadingsParseCleanlyAndNameCataloguedRules() {
        Readings readings = Readings.bundled();
        assertEquals(List.of(), readings.problems(), "malformed rows in CONFORMANCE.md's declared readings");
        List<String> wrong = readings.all().stream()
                .flatMap(r -> r.rules().stream()
                        .filter(id -> catalogue.rule(id).isEmpty())
                        .map(id -> r.tag() + " lists " + id + ", which CONFORMANCE.md does not catalogue"))
                .toList();
        assertEquals(List.of(), wrong);
    }

    /** A reading tag names a key and value of the table, for a rule the table lists for it. */
    @Test
    void everyReadingTagNamesADeclaredReadingOfTheScenariosRule() {
        List<String> wrong = new ArrayList<>();
        for (FeatureIndex.Entry e : features.entries()) {
            for (String tag : e.readings()) {
                Optional<Reading> reading = Readings.bundled().forTag(tag);
                if (reading.isEmpty()) {
                    wrong.add(e.where() + " is tagged " + tag + ", which names no key and value of the declared "
                            + "readings (keys: " + Readings.bundled().keys() + ")");
                    continue;
                }
                for (String id : FeatureIndex.ruleIds(e)) {
                    if (!reading.get().rules().contains(id)) {
                        wrong.add(e.where() + " checks " + id + " under " + tag + ", but the declared readings do "
                                + "not list " + id + " for it");
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyDeclaredReadingHasAScenario() {
        Set<String> used =
                features.entries().stream().flatMap(e -> e.readings().stream()).collect(Collectors.toSet());
        List<String> unused = Readings.bundled().all().stream()
                .map(Reading::tag)
                .filter(tag -> !used.contains(tag))
                .toList();
        assertEquals(List.of(), unused, "each value of a declared reading needs a scenario tagged with it");
    }

    /**
     * A rule with scenarios of one reading keeps what holds under every reading in scenarios without a reading
     * tag, so that an adapter that declares no reading is still judged on it.
     */
    @Test
    void everyRuleWithReadingsIsAlsoJudgedForEveryAdapter() {
        Set<String> withReadings = new java.util.TreeSet<>();
        Set<String> common = new java.util.HashSet<>();
        for (FeatureIndex.Entry e : features.entries()) {
            if (!e.readings().isEmpty()) {
                withReadings.addAll(FeatureIndex.ruleIds(e));
            }
            if (e.judgedForEveryAdapter()) {
                common.addAll(FeatureIndex.ruleIds(e));
            }
        }
        withReadings.removeAll(common);
        assertEquals(Set.of(), withReadings, "rules whose every scenario depends on a declared reading");
    }

    @Test
    void everyFeatureExplainsItself() {
        Set<String> undocumented = features.entries().stream()
                .filter(e -> e.featureDescription().length() < 80)
                .map(e -> e.file() + " (" + e.featureName() + ")")
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        assertTrue(
                undocumented.isEmpty(),
                "features are the living documentation; these have little or no "
                        + "description under the Feature line: " + undocumented);
    }
}
