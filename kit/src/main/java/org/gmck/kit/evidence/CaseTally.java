package org.gmck.kit.evidence;

import java.util.List;

/**
 * What a batch of data cases (for example one file of the x86 fixture corpus) showed about one rule: how
 * many of its cases ran, how many failed, how many the adapter declined as not askable, and the first few
 * failures with what differed.
 *
 * @param source     where the cases come from, for example {@code x86-fixtures/level4-rights.json}
 * @param ran        cases of the rule that ran (passed, failed or not askable)
 * @param failed     cases whose outcome differs from the expected one in a way that breaks this rule
 * @param notAskable cases the adapter said its implementation cannot be asked; neither passed nor failed
 * @param first      the first failures, at most {@value #SHOWN}
 */
public record CaseTally(String source, int ran, int failed, int notAskable, List<FailedCase> first) {

    /** How many failures a tally keeps. */
    public static final int SHOWN = 5;

    public CaseTally {
        first = List.copyOf(first);
    }

    /** Cases that ran and were answered as expected. */
    public int passed() {
        return ran - failed - notAskable;
    }

    /**
     * One failed case.
     *
     * @param id         the case's id in its source
     * @param difference what the adapter did differently
     */
    public record FailedCase(String id, String difference) {}
}
