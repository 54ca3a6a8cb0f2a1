package org.gmck.kit.evidence;

/**
 * What one scenario (one outline example) did in a run.
 *
 * @param name    the scenario's name
 * @param file    the feature file, relative to the features folder, for example {@code pgm/paging-modes.feature}
 * @param line    the line of the scenario, or of the example row for an outline
 * @param status  {@code passed}, {@code failed}, {@code not-applicable} or {@code skipped}
 * @param message the failure or skip message; empty when it passed
 */
public record ScenarioOutcome(String name, String file, long line, String status, String message) {

    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    public static final String NOT_APPLICABLE = "not-applicable";
    public static final String SKIPPED = "skipped";
    /** Not run because the run stopped early (its cap passed, or the adapter stopped answering). */
    public static final String NOT_RUN = "not-run";

    public boolean failed() {
        return FAILED.equals(status);
    }

    /** Whether the scenario was not run because the run stopped early. */
    public boolean notRun() {
        return NOT_RUN.equals(status);
    }

    public boolean passed() {
        return PASSED.equals(status);
    }

    /** {@code pgm/paging-modes.feature:12} */
    public String location() {
        return file + ":" + line;
    }
}
