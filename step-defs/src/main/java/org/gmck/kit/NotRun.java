package org.gmck.kit;

/**
 * The signal that a scenario or check was not run because the certification run stopped early (its time cap
 * passed or the adapter left too many calls unanswered; see {@link RunLimits}). The report reads the type, not
 * the message, and counts the scenario as not run.
 */
public final class NotRun extends NotJudged {

    private static final long serialVersionUID = 1L;

    private NotRun(String message) {
        super(message);
    }

    /** Ends the scenario or check as not run if the run has stopped; {@code detail} is added to the reason. */
    public static void ifStopped(String detail) {
        RunLimits.stopped().ifPresent(why -> {
            throw new NotRun(RunLimits.notRun(why) + detail);
        });
    }

    /** Ends the scenario or check as not run if the run has stopped. */
    public static void ifStopped() {
        ifStopped("");
    }

    /** Whether a scenario or check ended with this signal (anywhere in the chain of causes). */
    public static boolean signalled(Throwable thrown) {
        return signalled(thrown, NotRun.class);
    }
}
