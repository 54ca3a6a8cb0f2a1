package org.gmck.differential;

import java.util.Set;

/**
 * How an engine's observation relates to the reference's for one case.
 *
 * @param classes     the engine's known deviations (and permitted differences) the case showed
 * @param unexplained empty when everything else agrees; otherwise a short signature of the disagreement
 * @param detail      both observations, for the report
 */
public record Verdict(Set<String> classes, String unexplained, String detail) {

    /** Whether nothing is left unexplained. */
    public boolean agrees() {
        return unexplained.isEmpty();
    }
}
