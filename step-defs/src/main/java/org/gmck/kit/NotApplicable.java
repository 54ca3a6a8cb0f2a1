package org.gmck.kit;

import java.util.function.Supplier;

/**
 * The signal that a scenario or check does not apply to the adapter under certification: it needs a profile,
 * an edition or an optional capability the adapter does not declare. The report reads the type, not the
 * message, and counts the scenario as not applicable rather than skipped.
 */
public final class NotApplicable extends NotJudged {

    private static final long serialVersionUID = 1L;

    /** The prefix of every such message, for a reader of the console and the reports. */
    public static final String PREFIX = "Not applicable:";

    private NotApplicable(String why) {
        super(PREFIX + " " + why);
    }

    /** Ends the scenario or check as not applicable, for the reason given, unless it applies. */
    public static void unless(boolean applies, Supplier<String> why) {
        if (!applies) {
            throw new NotApplicable(why.get());
        }
    }

    /** Whether a scenario or check ended with this signal (anywhere in the chain of causes). */
    public static boolean signalled(Throwable thrown) {
        return signalled(thrown, NotApplicable.class);
    }
}
