package org.gmck.kit.catalogue;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gmck.spi.common.Profile;

/**
 * One catalogued rule.
 *
 * @param id          {@code AREA-TOPIC-N}
 * @param level       MUST, SHOULD or MAY
 * @param profile     the profile whose adapters must satisfy it
 * @param source      the upstream text (by its source-key name and key) and section, or the Intel SDM section, it restates
 * @param statement   one sentence in the kit's words
 * @param variants    the cases the statement covers that each need their own scenario; empty when it covers one
 * @param untestableBecause empty for a testable rule; otherwise why no scenario can check it
 */
public record Rule(
        String id,
        Level level,
        Profile profile,
        String source,
        String statement,
        List<Variant> variants,
        Optional<String> untestableBecause) {

    public Rule {
        variants = List.copyOf(variants);
    }

    /** A rule whose statement covers one case. */
    public Rule(
            String id,
            Level level,
            Profile profile,
            String source,
            String statement,
            Optional<String> untestableBecause) {
        this(id, level, profile, source, statement, List.of(), untestableBecause);
    }

    /** The shape of a rule id, and of the tag that carries it ({@code @} + id). */
    public static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");

    /** The variant of this rule with the given name, if it has one. */
    public Optional<Variant> variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    public boolean testable() {
        return untestableBecause.isEmpty();
    }

    /** The area part of the id, for example {@code PGM} in {@code PGM-MODE-3}. */
    public String area() {
        return id.substring(0, id.indexOf('-'));
    }

    /** A header for failure messages: which rule broke and what it says. */
    public String describe() {
        return id + " [" + level + ", profile " + profile.id() + "] " + statement + " (source: " + source + ")";
    }
}
