package org.gmck.kit.model.pgm;

import java.util.HashMap;
import java.util.Map;

/**
 * The rules an operation's effects answer to: one for the operation, others for some pages' states and
 * written-to flags where a different rule says what becomes of them, and one for the page counts.
 *
 * @param rule    the operation's rule
 * @param states  rules for the state and read-only flag of particular pages, by address
 * @param flags   rules for the written-to flag of particular pages, by address
 * @param counts  the rule for the page counts and the private host pages
 */
record Why(String rule, Map<Long, String> states, Map<Long, String> flags, String counts) {

    static Why of(String rule) {
        return new Why(rule, Map.of(), Map.of(), rule);
    }

    Why withState(ModelPage page, String stateRule) {
        Map<Long, String> more = new HashMap<>(states);
        more.put(page.gcPhys, stateRule);
        return new Why(rule, more, flags, counts);
    }

    Why withFlag(ModelPage page, String flagRule) {
        Map<Long, String> more = new HashMap<>(flags);
        more.put(page.gcPhys, flagRule);
        return new Why(rule, states, more, counts);
    }

    Why withCounts(String countsRule) {
        return new Why(rule, states, flags, countsRule);
    }

    String state(ModelPage page) {
        return states.getOrDefault(page.gcPhys, rule);
    }

    String flag(ModelPage page) {
        return flags.getOrDefault(page.gcPhys, rule);
    }
}
