package org.gmck.kit.catalogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The declared readings of CONFORMANCE.md: the rows of the table whose header is exactly {@link #HEADER}, one
 * per key and value. A key needs at least two values; a scenario's {@code @reading:} tag must name one of them,
 * and an adapter that declares a key must declare one of its values.
 */
public final class Readings {

    /** The header row of the table of declared readings. */
    public static final String HEADER = "| Key | Value | Reading | Source | Rules |";

    private static volatile Readings bundled;

    private final Map<String, Reading> byTag;
    private final List<String> problems;

    private Readings(Map<String, Reading> byTag, List<String> problems) {
        this.byTag = Collections.unmodifiableMap(byTag);
        this.problems = Collections.unmodifiableList(problems);
    }

    /** The readings of the catalogue shipped with the kit (CONFORMANCE.md on the class path). */
    public static Readings bundled() {
        if (bundled == null) {
            bundled = parse(RuleCatalogue.bundledText());
        }
        return bundled;
    }

    /** Reads the table of declared readings out of Markdown text; malformed rows are in {@link #problems()}. */
    public static Readings parse(String markdown) {
        Map<String, Reading> found = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        MarkdownTable.rows(markdown, HEADER, (line, lineNo) -> row(line, lineNo, found, problems));
        Map<String, Long> values = new LinkedHashMap<>();
        found.values().forEach(r -> values.merge(r.key(), 1L, Long::sum));
        values.forEach((key, n) -> {
            if (n < 2) {
                problems.add("CONFORMANCE.md: reading key " + key + " has one value; a key needs at least two");
            }
        });
        return new Readings(found, problems);
    }

    private static void row(String line, int lineNo, Map<String, Reading> found, List<String> problems) {
        List<String> cells = RuleCatalogue.cells(line);
        String where = "CONFORMANCE.md:" + lineNo + ": ";
        if (cells.size() != 5) {
            problems.add(where + "a row of declared readings needs 5 cells, found " + cells.size());
            return;
        }
        String key = unquote(cells.get(0));
        String value = unquote(cells.get(1));
        if (!Reading.KEY.matcher(key).matches()) {
            problems.add(where + "'" + key + "' is not a reading key (area.lower-case-words, for example "
                    + "gmm.shared-chunk-private-pages)");
            return;
        }
        if (!Variant.NAME.matcher(value).matches()) {
            problems.add(where + key + " has value '" + value + "', which is not lower-case words joined by hyphens");
            return;
        }
        if (cells.get(2).isEmpty() || cells.get(3).isEmpty()) {
            problems.add(where + key + " = " + value + " needs a reading and a source");
            return;
        }
        List<String> rules = new ArrayList<>();
        for (String id : cells.get(4).split(",")) {
            String rule = id.strip();
            if (!Rule.ID.matcher(rule).matches()) {
                problems.add(where + key + " = " + value + " lists '" + rule + "', which is not a rule id");
                return;
            }
            rules.add(rule);
        }
        Reading reading = new Reading(key, value, cells.get(2), cells.get(3), rules);
        if (found.putIfAbsent(reading.tag(), reading) != null) {
            problems.add(where + key + " = " + value + " is listed twice");
        }
    }

    private static String unquote(String cell) {
        return cell.length() > 1 && cell.startsWith("`") && cell.endsWith("`")
                ? cell.substring(1, cell.length() - 1)
                : cell;
    }

    /** The reading a tag names, if the table has it. */
    public Optional<Reading> forTag(String tag) {
        return Optional.ofNullable(byTag.get(tag));
    }

    /** The reading of a key and value, if the table has it. */
    public Optional<Reading> reading(String key, String value) {
        return forTag(Reading.tag(key, value));
    }

    /** Every key and value. */
    public Collection<Reading> all() {
        return byTag.values();
    }

    /** The keys, sorted. */
    public Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        byTag.values().forEach(r -> keys.add(r.key()));
        return keys;
    }

    /** The values of a key, in table order; empty for a key the table does not have. */
    public List<String> values(String key) {
        return byTag.values().stream()
                .filter(r -> r.key().equals(key))
                .map(Reading::value)
                .toList();
    }

    /**
     * What is wrong with the readings an adapter declares among its parameters: a key of the table with a value
     * the table does not list. Parameters whose keys are not reading keys are the adapter's own and are not
     * checked. Empty when nothing is wrong.
     */
    public Optional<String> misdeclared(Map<String, String> parameters) {
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            List<String> values = values(p.getKey());
            if (!values.isEmpty() && !values.contains(p.getValue())) {
                return Optional.of("parameters() declares the reading " + p.getKey() + " = '" + p.getValue()
                        + "', which is not one of its values (" + String.join(", ", values) + ")");
            }
        }
        return Optional.empty();
    }

    /** Rows that could not be read. */
    public List<String> problems() {
        return problems;
    }
}
