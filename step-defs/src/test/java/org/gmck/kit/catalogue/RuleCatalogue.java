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
import org.gmck.spi.Profile;

/**
 * The rule catalogue, read from the tables of {@code CONFORMANCE.md}. A catalogue table is any Markdown
 * table whose header is exactly {@link #HEADER}; each of its rows is one rule.
 */
public final class RuleCatalogue {

    /** The header row of a catalogue table. */
    public static final String HEADER = "| Id | Level | Profile | Source | Statement | Testable |";
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
            try (InputStream in = RuleCatalogue.class.getClassLoader().getResourceAsStream("CONFORMANCE.md")) {
                if (in == null) {
                    throw new IllegalStateException("CONFORMANCE.md is not on the class path");
                }
                bundled = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bundled;
    }

    /** Parses catalogue tables out of Markdown text; malformed rows are reported by {@link #problems()}. */
    public static RuleCatalogue parse(String markdown) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        boolean inTable = false;
        int lineNo = 0;
        for (String raw : markdown.split("\n", -1)) {
            lineNo++;
            String line = raw.strip();
            if (line.equals(HEADER)) {
                inTable = true;
                continue;
            }
            if (!inTable) {
                continue;
            }
            if (!line.startsWith("|")) {
                inTable = false;
                continue;
            }
            if (line.startsWith("| ---") || line.startsWith("|---")) {
                continue;
            }
            parseRow(line, lineNo, rules, problems);
        }
        return new RuleCatalogue(rules, problems);
    }

    private static void parseRow(String line, int lineNo, Map<String, Rule> rules, List<String> problems) {
        List<String> cells = cells(line);
        if (cells.size() != 6) {
            problems.add("CONFORMANCE.md:" + lineNo + ": a catalogue row needs 6 cells, found " + cells.size());
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
            problems.add("CONFORMANCE.md:" + lineNo + ": " + id + " has level '" + cells.get(1) + "', not MUST, SHOULD or MAY");
            return;
        }
        Optional<Profile> profile = Profile.byId(cells.get(2));
        if (profile.isEmpty()) {
            problems.add("CONFORMANCE.md:" + lineNo + ": " + id + " names unknown profile '" + cells.get(2) + "'");
            return;
        }
        String testable = cells.get(5);
        Optional<String> untestable;
        if (testable.equals("yes")) {
            untestable = Optional.empty();
        } else if (testable.startsWith(UNTESTABLE_PREFIX) && testable.length() > UNTESTABLE_PREFIX.length() + 1) {
            untestable = Optional.of(testable.substring(UNTESTABLE_PREFIX.length()).strip());
        } else {
            problems.add("CONFORMANCE.md:" + lineNo + ": " + id + " must say 'yes' or 'no: <reason>' under Testable");
            return;
        }
        if (cells.get(3).isEmpty() || cells.get(4).isEmpty()) {
            problems.add("CONFORMANCE.md:" + lineNo + ": " + id + " needs a source and a statement");
            return;
        }
        Rule rule = new Rule(id, level, profile.get(), cells.get(3), cells.get(4), untestable);
        if (rules.putIfAbsent(id, rule) != null) {
            problems.add("CONFORMANCE.md:" + lineNo + ": " + id + " is catalogued twice");
        }
    }

    private static List<String> cells(String line) {
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
