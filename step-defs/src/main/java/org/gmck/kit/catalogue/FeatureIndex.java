package org.gmck.kit.catalogue;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every scenario of every feature file, as the Gherkin parser reads it. */
public final class FeatureIndex {

    private static final Pattern SOURCE_LINE = Pattern.compile("(?m)^\\s*Source:\\s*(.+?)\\s*$");

    /**
     * One scenario or scenario outline.
     *
     * @param file        the feature file, relative to the features folder
     * @param line        the line of the Scenario keyword
     * @param name        the scenario's name
     * @param tags        feature and scenario tags, with their {@code @}
     * @param source      the scenario's {@code Source:} line, if it has one
     * @param featureName the feature's name
     * @param featureDescription the feature's description
     * @param exampleTags for an outline, the tags of each of its Examples blocks; empty for a scenario
     * @param runs        how many scenarios the runner makes of it: one, or one per row of its Examples
     */
    public record Entry(
            String file,
            long line,
            String name,
            List<String> tags,
            Optional<String> source,
            String featureName,
            String featureDescription,
            List<List<String>> exampleTags,
            int runs) {

        public Entry {
            tags = List.copyOf(tags);
            exampleTags = exampleTags.stream().map(List::copyOf).toList();
        }

        public String where() {
            return file + ":" + line + " (" + name + ")";
        }

        /** The variants this scenario checks: its own variant tags and those of its Examples blocks, without the prefix. */
        public List<String> variants() {
            return Stream.concat(tags.stream(), exampleTags.stream().flatMap(List::stream))
                    .filter(t -> t.startsWith(Variant.TAG_PREFIX))
                    .map(t -> t.substring(Variant.TAG_PREFIX.length()))
                    .distinct()
                    .toList();
        }

        /** The reading tags of this scenario and of its Examples blocks, with their prefix. */
        public List<String> readings() {
            return Stream.concat(tags.stream(), exampleTags.stream().flatMap(List::stream))
                    .filter(Reading::isTag)
                    .distinct()
                    .toList();
        }

        /**
         * Whether some of what this scenario runs holds under every reading: it has no reading tag of its own
         * and is a plain scenario or has an Examples block without one.
         */
        public boolean judgedForEveryAdapter() {
            if (tags.stream().anyMatch(Reading::isTag)) {
                return false;
            }
            return exampleTags.isEmpty()
                    || exampleTags.stream().anyMatch(block -> block.stream().noneMatch(Reading::isTag));
        }
    }

    private final List<Entry> entries;

    private FeatureIndex(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Reads every {@code .feature} file under a folder. */
    public static FeatureIndex read(Path featuresDir) {
        GherkinParser parser = GherkinParser.builder()
                .includeSource(false)
                .includePickles(false)
                .build();
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(featuresDir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".feature"))
                    .sorted()
                    .collect(Collectors.toList())) {
                String relative = featuresDir.relativize(file).toString().replace('\\', '/');
                List<GherkinDocument> docs = parser.parse(file)
                        .map(e -> e.getGherkinDocument())
                        .flatMap(Optional::stream)
                        .collect(Collectors.toList());
                for (GherkinDocument doc : docs) {
                    doc.getFeature().ifPresent(f -> addFeature(relative, f, entries));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FeatureIndex(entries);
    }

    private static void addFeature(String file, Feature feature, List<Entry> entries) {
        List<String> featureTags = names(feature.getTags());
        for (FeatureChild child : feature.getChildren()) {
            child.getScenario().ifPresent(s -> entries.add(entry(file, feature, featureTags, s)));
            child.getRule()
                    .ifPresent(rule -> rule.getChildren()
                            .forEach(rc -> rc.getScenario()
                                    .ifPresent(s -> entries.add(entry(file, feature, featureTags, s)))));
        }
    }

    private static Entry entry(String file, Feature feature, List<String> featureTags, Scenario s) {
        List<String> tags = new ArrayList<>(featureTags);
        tags.addAll(names(s.getTags()));
        String description = s.getDescription() == null ? "" : s.getDescription();
        Matcher m = SOURCE_LINE.matcher(description);
        Optional<String> source = m.find() ? Optional.of(m.group(1)) : Optional.empty();
        List<List<String>> exampleTags =
                s.getExamples().stream().map(x -> names(x.getTags())).toList();
        int runs = s.getExamples().isEmpty()
                ? 1
                : s.getExamples().stream()
                        .mapToInt(x -> x.getTableBody().size())
                        .sum();
        return new Entry(
                file,
                s.getLocation().getLine(),
                s.getName(),
                List.copyOf(tags),
                source,
                feature.getName(),
                feature.getDescription() == null ? "" : feature.getDescription().strip(),
                exampleTags,
                runs);
    }

    private static List<String> names(List<Tag> tags) {
        return tags.stream().map(Tag::getName).collect(Collectors.toList());
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The rule ids a scenario is tagged with. */
    public static List<String> ruleIds(Entry e) {
        return e.tags().stream()
                .map(t -> t.substring(1))
                .filter(t -> Rule.ID.matcher(t).matches())
                .collect(Collectors.toList());
    }
}
