package org.gmck.kit.catalogue;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reading of a source the kit does not choose for the adapter: where the sources support more than one
 * reading of a rule, each is a value of a key an adapter declares in {@code ConformanceAdapter.parameters()}.
 * A scenario that holds only under one reading carries the tag {@code @reading:<key>=<value>} (on the scenario
 * or on an outline's Examples block) and runs only for an adapter that declared that value; what holds under
 * every reading stays in scenarios without the tag, judged for every adapter.
 *
 * @param key     the parameter an adapter declares, for example {@code gmm.shared-chunk-private-pages}
 * @param value   one of the key's values, for example {@code never}
 * @param meaning what an implementation that declares it does, in the kit's words
 * @param source  the source text and section that supports this reading
 * @param rules   the ids of the rules whose scenarios depend on the key
 */
public record Reading(String key, String value, String meaning, String source, List<String> rules) {

    /** Prefix of the tag that marks a scenario as holding under one reading. */
    public static final String TAG_PREFIX = "@reading:";

    /** The shape of a key: an area, a dot, then lower-case words joined by hyphens. */
    public static final Pattern KEY = Pattern.compile("[a-z0-9]+\\.[a-z0-9]+(-[a-z0-9]+)*");

    private static final Pattern TAG = Pattern.compile(Pattern.quote(TAG_PREFIX) + "([^=]+)=(.+)");

    public Reading {
        rules = List.copyOf(rules);
    }

    /** The Gherkin tag of this reading, for example {@code @reading:gmm.shared-chunk-private-pages=never}. */
    public String tag() {
        return tag(key, value);
    }

    /** The tag for a key and value. */
    public static String tag(String key, String value) {
        return TAG_PREFIX + key + "=" + value;
    }

    /** Whether a tag is a reading tag (well formed or not). */
    public static boolean isTag(String tag) {
        return tag.startsWith(TAG_PREFIX);
    }

    /** The key and value a well-formed reading tag names; empty for any other tag. */
    public static Optional<String[]> keyAndValue(String tag) {
        Matcher m = TAG.matcher(tag);
        return m.matches() ? Optional.of(new String[] {m.group(1), m.group(2)}) : Optional.empty();
    }
}
