package org.gmck.kit.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gmck.spi.common.Profile;

/**
 * The rule catalogue, read from the tables of {@code CONFORMANCE.md}. A catalogue table is any Markdown
 * table whose header is exactly {@link #HEADER}; each of its rows is one rule. The Variants cell is
 * {@value #NO_VARIANTS} for a rule whose statement covers one case, or the variants grouped by dimension:
 * {@code edition: seed-1mb, current-2mb; references: one-reference, several-references}.
 */
public final class RuleCatalogue {

    /** The header row of a catalogue table. */
    public static final String HEADER = "| Id | Level | Profile | Source | Statement | Variants | Testable |";
    /** The Variants cell of a rule whose statement covers one case. */
    public static final String NO_VARIANTS = "—";

    private static final String UNTESTABLE_PREFIX = "no:";

    private static volatile RuleCatalogue bundled;

    private final Map<String, Rule> rules;
    private final List<String> problems;

    private RuleCatalogue(Map<String, Rule> rules, List<String> problems) {
        this.rules = Collections.unmodifiableMap(rules);
        this.problems = Collections.unmodifiableList(problems);
    }

    /** The catalogue shipped with the kit (CONFORMANCE.md on the test class path). */
    public static RuleCatalogue bundled() {
        if (bundled == null) {
            bundled = parse(RuleCatalogue.bundledText());
        }
        return bundled;
    }

    /** The text of the CONFORMANCE.md shipped with the kit (on the class path). */
    static String bundledText() {
        try (InputStream in = RuleCatalogue.class.getClassLoader().getResourceAsStream("CONFORMANCE.md")) {
            if (in == null) {
                throw new IllegalStateException("CONFORMANCE.md is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses catalogue tables out of Markdown text; malformed rows are reported by {@link #problems()}. */
    public static RuleCatalogue parse(String markdown) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        MarkdownTable.rows(markdown, HEADER, (line, lineNo) -> parseRow(line, lineNo, rules, problems));
        return new RuleCatalogue(rules, problems);
    }

    private static void parseRow(String line, int lineNo, Map<String, Rule> rules, List<String> problems) {
        List<String> cells = cells(line);
        if (cells.size() != 7) {
            problems.add("CONFORMANCE.md:" + lineNo + ": a catalogue row needs 7 cells, found " + cells.size());
            return;
        }
        String id = cells.get(0);
        if (!Rule.ID.matcher(id).matches()) {
            problems.add("CONFORMANCE.md:" + lineNo + ": '" + id + "' is not a rule id (AREA-TOPIC-N)");
            return;
        }
        Level level;
        try {
            level = Level.valueOf(cells.get(1));
        } catch (IllegalArgumentException e) {
            problems.add("CONFORMANCE.md:" + lineNo + ": " + id + " has level '" + cells.get(1)
                    + "', not MUST, SHOULD or MAY");
            return;
        }
        Optional<Profile> profile = Profile.byId(cells.get(2));
        if (profile.isEmpty()) {
            problems.add("CONFORMANCE.md:" + lineNo + ": " + id + " names unknown profile '" + cells.get(2) + "'");
            return;
        }
        String testable = cells.get(6);
        Optional<String> untestable;
        if (testable.equals("yes")) {
            untestable = Optional.empty();
        } else if (testable.startsWith(UNTESTABLE_PREFIX) && testable.length() > UNTESTABLE_PREFIX.length() + 1) {
            untestable =
                    Optional.of(testable.substring(UNTESTABLE_PREFIX.length()).strip());
        } else {
            problems.add("CONFORMANCE.md:" + lineNo + ": " + id + " must say 'yes' or 'no: <reason>' under Testable");
            return;
        }
        if (cells.get(3).isEmpty() || cells.get(4).isEmpty()) {
            problems.add("CONFORMANCE.md:" + lineNo + ": " + id + " needs a source and a statement");
            return;
        }
        Optional<List<Variant>> variants = variants(cells.get(5), id, lineNo, problems);
        if (variants.isEmpty()) {
            return;
        }
        if (untestable.isPresent() && !variants.get().isEmpty()) {
            problems.add("CONFORMANCE.md:" + lineNo + ": " + id + " is untestable, so it has no variants to check");
            return;
        }
        Rule rule = new Rule(id, level, profile.get(), cells.get(3), cells.get(4), variants.get(), untestable);
        if (rules.putIfAbsent(id, rule) != null) {
            problems.add("CONFORMANCE.md:" + lineNo + ": " + id + " is catalogued twice");
        }
    }

    /** Reads a Variants cell; empty (with a problem recorded) when it is malformed. */
    static Optional<List<Variant>> variants(String cell, String id, int lineNo, List<String> problems) {
        if (cell.equals(NO_VARIANTS)) {
            return Optional.of(List.of());
        }
        List<Variant> variants = new ArrayList<>();
        for (String group : cell.split(";")) {
            int colon = group.indexOf(':');
            String dimension = colon < 0 ? "" : group.substring(0, colon).strip();
            if (!Variant.NAME.matcher(dimension).matches()) {
                problems.add("CONFORMANCE.md:" + lineNo + ": " + id + " has variants '" + group.strip()
                        + "'; write them as 'dimension: name, name' (lower-case words joined by hyphens), or "
                        + NO_VARIANTS + " for none");
                return Optional.empty();
            }
            String[] names = group.substring(colon + 1).split(",");
            if (names.length < 2) {
                problems.add("CONFORMANCE.md:" + lineNo + ": " + id + " names one variant of " + dimension
                        + "; a dimension needs at least two");
                return Optional.empty();
            }
            for (String raw : names) {
                String name = raw.strip();
                if (!Variant.NAME.matcher(name).matches()) {
                    problems.add("CONFORMANCE.md:" + lineNo + ": " + id + " has variant '" + name
                            + "', which is not lower-case words joined by hyphens");
                    return Optional.empty();
                }
                if (variants.stream().anyMatch(v -> v.name().equals(name))) {
                    problems.add("CONFORMANCE.md:" + lineNo + ": " + id + " names variant '" + name + "' twice");
                    return Optional.empty();
                }
                variants.add(new Variant(dimension, name));
            }
        }
        return Optional.of(variants);
    }

    static List<String> cells(String line) {
        String body = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() && body.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    public Optional<Rule> rule(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    public Collection<Rule> rules() {
        return rules.values();
    }

    /** Rows that could not be read as rules. */
    public List<String> problems() {
        return problems;
    }
}
