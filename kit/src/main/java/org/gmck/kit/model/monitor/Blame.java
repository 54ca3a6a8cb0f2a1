package org.gmck.kit.model.monitor;

import java.util.HashMap;
import java.util.Map;

/**
 * Which rule each comparison after one operation belongs to: the rule that requires what the operation must
 * do to that part of the state. Anything not named falls to the operation's own rule.
 */
final class Blame {

    final String rule;
    String outcome;
    String locked;
    String mapped;
    /** LOCKED events: which guest pages got a host page. */
    String locking;
    /** UNLOCKED events: which guest pages went back, in which order. */
    String givingBack;
    /** Each page given back out of the monitor tables before it is unlocked. */
    String unmappedFirst;

    private String linearRule;
    /** The rule for an entry with the right host page but the wrong rights, when not the entry's own rule. */
    String rights;

    private final Map<Integer, String> pages = new HashMap<>();
    private final Map<Long, String> linears = new HashMap<>();

    private Blame(String rule) {
        this.rule = rule;
        this.outcome = rule;
        this.locked = rule;
        this.mapped = rule;
        this.locking = rule;
        this.givingBack = rule;
        this.unmappedFirst = rule;
        this.linearRule = rule;
    }

    /** Everything on one rule, for example a refusal that must change nothing. */
    static Blame all(String rule) {
        return new Blame(rule);
    }

    Blame outcome(String r) {
        outcome = r;
        return this;
    }

    Blame locked(String r) {
        locked = r;
        return this;
    }

    Blame mapped(String r) {
        mapped = r;
        return this;
    }

    Blame locking(String r) {
        locking = r;
        return this;
    }

    Blame givingBack(String order, String unmappedBeforeUnlocked) {
        givingBack = order;
        unmappedFirst = unmappedBeforeUnlocked;
        return this;
    }

    Blame page(int guestPage, String r) {
        pages.put(guestPage, r);
        return this;
    }

    /** The rule for entries that map the right host page with the wrong rights. */
    Blame rights(String r) {
        rights = r;
        return this;
    }

    /** The rule of every monitor entry not named otherwise. */
    Blame linears(String r) {
        linearRule = r;
        return this;
    }

    Blame linear(long linear, String r) {
        linears.put(linear, r);
        return this;
    }

    String page(int guestPage) {
        return pages.getOrDefault(guestPage, rule);
    }

    String linear(long linear) {
        return linears.getOrDefault(linear, linearRule);
    }
}
