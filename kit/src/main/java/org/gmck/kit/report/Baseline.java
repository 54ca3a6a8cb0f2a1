package org.gmck.kit.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gmck.kit.catalogue.Rule;
import org.gmck.kit.catalogue.RuleCatalogue;
import org.gmck.spi.common.Profile;

/**
 * An implementation's expected-failure baseline: the rules it knows it breaks. A listed rule that fails
 * is reported as an expected failure and does not fail the certification; a listed rule that passes is
 * reported as an unexpected pass and does, so that the list cannot go stale.
 *
 * <p>Format: one rule id per line, then (after spaces) why it fails; {@code #} starts a comment.
 * <pre>
 * # Expected failures of my-pgm 2.3
 * PGM-PAE-2    checks only the seed's four must-be-zero PDPE bits (see our issue 41)
 * </pre>
 * The file is {@code conformance-baseline.txt} in the working directory, or the one named by
 * {@code -Dconformance.baseline=PATH}.
 */
public final class Baseline {

    /** The system property naming the baseline file. */
    public static final String PROPERTY = "conformance.baseline";
    /** The file read when the property is not set, if it exists. */
    public static final String DEFAULT_FILE = "conformance-baseline.txt";

    private final Optional<Path> file;
    private final String text;
    private final Map<String, String> reasons;
    private final List<String> problems;

    private Baseline(Optional<Path> file, String text, Map<String, String> reasons, List<String> problems) {
        this.file = file;
        this.text = text;
        this.reasons = Collections.unmodifiableMap(reasons);
        this.problems = Collections.unmodifiableList(problems);
    }

    /** No baseline: every failure counts. */
    public static Baseline none() {
        return new Baseline(Optional.empty(), "", Map.of(), List.of());
    }

    /** The run's baseline, from the system property or the default file; {@link #none()} if there is neither. */
    public static Baseline forRun(RuleCatalogue catalogue, Set<Profile> declared) {
        String named = System.getProperty(PROPERTY, "").strip();
        Path path = Path.of(named.isEmpty() ? DEFAULT_FILE : named);
        if (named.isEmpty() && !Files.exists(path)) {
            return none();
        }
        Optional<String> unreadable = unreadable(path);
        if (unreadable.isPresent()) {
            return new Baseline(Optional.of(path), "", Map.of(), List.of(unreadable.get()));
        }
        try {
            return parse(Optional.of(path), text(path), catalogue, declared);
        } catch (IOException e) {
            return new Baseline(
                    Optional.of(path), "", Map.of(), List.of("the baseline " + path + " cannot be read: " + e));
        }
    }

    /**
     * Why the file cannot be a baseline, if it cannot: missing, a folder, not UTF-8 text (a binary file),
     * or starting with a byte-order mark (which would hide in the first rule id).
     */
    public static Optional<String> unreadable(Path path) {
        if (!Files.exists(path)) {
            return Optional.of("the baseline file " + path + " does not exist");
        }
        if (Files.isDirectory(path)) {
            return Optional.of(path + " is a folder, not a baseline file");
        }
        try {
            byte[] bytes = Files.readAllBytes(path);
            if (bytes.length >= 3
                    && (bytes[0] & 0xff) == 0xef
                    && (bytes[1] & 0xff) == 0xbb
                    && (bytes[2] & 0xff) == 0xbf) {
                return Optional.of(
                        "the baseline " + path + " starts with a UTF-8 byte-order mark; save it as plain UTF-8");
            }
            for (byte b : bytes) {
                if (b == 0) {
                    return Optional.of("the baseline " + path + " is not a text file (it contains NUL bytes)");
                }
            }
            text(path);
            return Optional.empty();
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.of("the baseline " + path + " is not UTF-8 text");
        } catch (IOException e) {
            return Optional.of("the baseline " + path + " cannot be read: " + e.getMessage());
        }
    }

    private static String text(Path path) throws IOException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
                .toString();
    }

    /** Parses baseline text; listing an unknown, untestable or undeclared rule is a problem. */
    public static Baseline parse(Optional<Path> file, String text, RuleCatalogue catalogue, Set<Profile> declared) {
        Map<String, String> reasons = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String where = file.map(Path::toString).orElse("baseline");
        int lineNo = 0;
        for (String raw : text.split("\n", -1)) {
            lineNo++;
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            String id = parts[0];
            String reason = parts.length > 1 ? parts[1].strip() : "listed in the baseline";
            Optional<Rule> rule = catalogue.rule(id);
            if (rule.isEmpty()
                    && catalogue.rule(id.toUpperCase(java.util.Locale.ROOT)).isPresent()) {
                problems.add(where + ":" + lineNo + ": '" + id + "' is not a catalogued rule: rule ids are upper case ("
                        + id.toUpperCase(java.util.Locale.ROOT) + ")");
            } else if (rule.isEmpty()) {
                problems.add(where + ":" + lineNo + ": '" + id + "' is not a catalogued rule");
            } else if (!rule.get().testable()) {
                problems.add(where + ":" + lineNo + ": " + id + " is untestable, so it cannot be an expected failure");
            } else if (!declared.contains(rule.get().profile())) {
                problems.add(where + ":" + lineNo + ": " + id + " belongs to profile '"
                        + rule.get().profile().id() + "', which the adapter does not declare");
            } else if (reasons.putIfAbsent(id, reason) != null) {
                problems.add(where + ":" + lineNo + ": " + id + " is listed twice");
            }
        }
        return new Baseline(file, text, reasons, problems);
    }

    public Optional<Path> file() {
        return file;
    }

    public boolean present() {
        return file.isPresent();
    }

    /** The baseline's text, as read (for its digest in the report). */
    public String text() {
        return text;
    }

    /** Why a listed rule is expected to fail; empty for a rule that is not listed. */
    public Optional<String> reason(String ruleId) {
        return Optional.ofNullable(reasons.get(ruleId));
    }

    /** The listed rules and their reasons, in file order. */
    /**
     * The rules a failing data case is counted against: when the baseline lists some of the rules the case's
     * difference breaks, those alone (the listed deviation explains the case); otherwise all of them.
     */
    public List<String> explaining(List<String> failed) {
        List<String> listed = failed.stream().filter(reasons::containsKey).toList();
        return listed.isEmpty() ? failed : listed;
    }

    public Map<String, String> entries() {
        return reasons;
    }

    /** Lines that make the baseline unusable; any of them fails the certification. */
    public List<String> problems() {
        return problems;
    }
}
