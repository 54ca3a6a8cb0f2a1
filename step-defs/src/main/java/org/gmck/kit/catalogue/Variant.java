package org.gmck.kit.catalogue;

import java.util.regex.Pattern;

/**
 * One case a rule's statement covers that needs its own example: an edition, a geometry, a page type, a
 * mode, a page size, a privilege level, a selector kind, a count (one reference or several, one alias or
 * several, one VM or several) or an argument shape. The catalogue names a rule's variants in its Variants
 * column, grouped by dimension ({@code edition: seed-1mb, current-2mb; references: one-reference,
 * several-references}); a scenario that checks one carries the tag {@code @variant:<name>}, on the scenario
 * or on an outline's Examples block, and every variant of every testable rule needs at least one.
 *
 * @param dimension what varies, for example {@code edition}; documentation only
 * @param name      the variant, unique within its rule, for example {@code seed-1mb}
 */
public record Variant(String dimension, String name) {

    /** The shape of a dimension or variant name. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Prefix of the tag that marks the variant a scenario checks. */
    public static final String TAG_PREFIX = "@variant:";

    /** The Gherkin tag of this variant, for example {@code @variant:seed-1mb}. */
    public String tag() {
        return TAG_PREFIX + name;
    }

    @Override
    public String toString() {
        return dimension + ": " + name;
    }
}
