package org.gmck.kit.site;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Background;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.Step;
import io.cucumber.messages.types.TableRow;
import io.cucumber.messages.types.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gmck.kit.catalogue.Rule;
import org.gmck.spi.common.Profile;

/** The features as the site renders them: every feature with its prose, background, scenarios and examples. */
public final class FeatureBook {

    /** A step with its table or doc string. */
    public record StepDoc(String keyword, String text, List<List<String>> table, Optional<String> docString) {
        public StepDoc {
            table = table.stream().map(List::copyOf).toList();
        }
    }

    /** An Examples block: its name, tags and rows, the header first. */
    public record ExamplesDoc(String name, List<String> tags, List<List<String>> rows) {
        public ExamplesDoc {
            tags = List.copyOf(tags);
            rows = rows.stream().map(List::copyOf).toList();
        }

        /** The value of a column in a body row, or empty when the block has no such column. */
        public Optional<String> cell(List<String> row, String column) {
            int i = rows.isEmpty() ? -1 : rows.get(0).indexOf(column);
            return i < 0 ? Optional.empty() : Optional.of(row.get(i));
        }
    }

    /** A scenario or scenario outline, with the tags of its feature and its own. */
    public record ScenarioDoc(
            String file,
            String keyword,
            String name,
            long line,
            List<String> tags,
            String description,
            List<StepDoc> steps,
            List<ExamplesDoc> examples) {
        public ScenarioDoc {
            tags = List.copyOf(tags);
            steps = List.copyOf(steps);
            examples = List.copyOf(examples);
        }

        /** The rule ids it is tagged with. */
        public List<String> ruleIds() {
            return tags.stream()
                    .map(t -> t.substring(1))
                    .filter(t -> Rule.ID.matcher(t).matches())
                    .toList();
        }

        /** Its profile, from its profile tag. */
        public Optional<Profile> profile() {
            return tags.stream().map(Profile::byTag).flatMap(Optional::stream).findFirst();
        }

        /** The anchor of the scenario on its feature's page. */
        public String anchor() {
            return "L" + line;
        }
    }

    /** One feature file. */
    public record FeatureDoc(
            String file, String name, String description, List<StepDoc> background, List<ScenarioDoc> scenarios) {
        public FeatureDoc {
            background = List.copyOf(background);
            scenarios = List.copyOf(scenarios);
        }

        /** Where its page is, from the site's root: {@code features/pgm/shadow-modes.html}. */
        public String page() {
            return "features/" + file.replaceAll("\\.feature$", "") + ".html";
        }

        /** The area folder it is in, for example {@code pgm}. */
        public String area() {
            int slash = file.indexOf('/');
            return slash < 0 ? "" : file.substring(0, slash);
        }
    }

    private final List<FeatureDoc> features;
    private final Map<String, List<ScenarioDoc>> byRule = new java.util.HashMap<>();

    private FeatureBook(List<FeatureDoc> features) {
        this.features = List.copyOf(features);
        for (FeatureDoc f : features) {
            for (ScenarioDoc s : f.scenarios()) {
                s.ruleIds()
                        .forEach(id -> byRule.computeIfAbsent(id, k -> new ArrayList<>())
                                .add(s));
            }
        }
    }

    /** Parses feature files, given by their path relative to the features folder, in path order. */
    public static FeatureBook parse(Map<String, byte[]> files) {
        GherkinParser parser = GherkinParser.builder()
                .includeSource(false)
                .includePickles(false)
                .build();
        List<FeatureDoc> features = new ArrayList<>();
        files.entrySet().stream()
                .filter(e -> e.getKey().endsWith(".feature"))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> parser.parse(e.getKey(), e.getValue())
                        .map(Envelope::getGherkinDocument)
                        .flatMap(Optional::stream)
                        .forEach(doc -> doc.getFeature().ifPresent(f -> features.add(feature(e.getKey(), f)))));
        return new FeatureBook(features);
    }

    private static FeatureDoc feature(String file, Feature feature) {
        List<String> featureTags = names(feature.getTags());
        List<StepDoc> background = new ArrayList<>();
        List<ScenarioDoc> scenarios = new ArrayList<>();
        for (FeatureChild child : feature.getChildren()) {
            child.getBackground().map(Background::getSteps).ifPresent(s -> background.addAll(steps(s)));
            child.getScenario().ifPresent(s -> scenarios.add(scenario(file, featureTags, s)));
            child.getRule()
                    .ifPresent(rule -> rule.getChildren()
                            .forEach(rc ->
                                    rc.getScenario().ifPresent(s -> scenarios.add(scenario(file, featureTags, s)))));
        }
        return new FeatureDoc(file, feature.getName(), text(feature.getDescription()), background, scenarios);
    }

    private static ScenarioDoc scenario(String file, List<String> featureTags, Scenario s) {
        List<String> tags = new ArrayList<>(featureTags);
        tags.addAll(names(s.getTags()));
        List<ExamplesDoc> examples = s.getExamples().stream()
                .map(x -> {
                    List<List<String>> rows = new ArrayList<>();
                    x.getTableHeader().ifPresent(h -> rows.add(cells(h)));
                    x.getTableBody().forEach(r -> rows.add(cells(r)));
                    return new ExamplesDoc(x.getName(), names(x.getTags()), rows);
                })
                .toList();
        return new ScenarioDoc(
                file,
                s.getKeyword(),
                s.getName(),
                s.getLocation().getLine(),
                tags,
                text(s.getDescription()),
                steps(s.getSteps()),
                examples);
    }

    private static List<StepDoc> steps(List<Step> steps) {
        return steps.stream()
                .map(st -> new StepDoc(
                        st.getKeyword().strip(),
                        st.getText(),
                        st.getDataTable()
                                .map(t -> t.getRows().stream()
                                        .map(FeatureBook::cells)
                                        .toList())
                                .orElse(List.of()),
                        st.getDocString().map(d -> d.getContent())))
                .toList();
    }

    private static List<String> cells(TableRow row) {
        return row.getCells().stream().map(c -> c.getValue()).toList();
    }

    private static List<String> names(List<Tag> tags) {
        return tags.stream().map(Tag::getName).toList();
    }

    private static String text(String description) {
        return description == null ? "" : description.stripTrailing();
    }

    public List<FeatureDoc> features() {
        return features;
    }

    /** Every scenario of every feature, in file order. */
    public List<ScenarioDoc> scenarios() {
        return features.stream().flatMap(f -> f.scenarios().stream()).toList();
    }

    /** The scenarios tagged with a rule. */
    public List<ScenarioDoc> scenariosOf(String ruleId) {
        return List.copyOf(byRule.getOrDefault(ruleId, List.of()));
    }

    /** The feature a scenario is in. */
    public FeatureDoc featureOf(ScenarioDoc scenario) {
        return features.stream()
                .filter(f -> f.file().equals(scenario.file()))
                .findFirst()
                .orElseThrow();
    }
}
