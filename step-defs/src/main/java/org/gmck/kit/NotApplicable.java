package org.gmck.kit;

import java.util.function.Supplier;

/**
 * The signal that a scenario or check does not apply to the adapter under certification: it needs a profile,
 * an edition or an optional capability the adapter does not declare. The report reads the type, not the
 * message, and counts the scenario as not applicable rather than skipped.
 */
public final class NotApplicable extends NotJudged {

    private static final long serialVersionUID = 1L;

    /**
     * What an adapter says, in the message of what it throws, when it cannot be asked a question at all (the
     * engine it drives has no such CPU, or its harness cannot make such an access): the scenario or case is then
     * not applicable to it, with the adapter's reason, instead of failed. It never turns a wrong answer into a
     * pass: a rule whose every scenario and case could not be asked is not run (or, where the adapter's baseline
     * lists it, an expected failure), and the report keeps each reason.
     */
    public static final String CANNOT_BE_ASKED = "cannot be asked";

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

    /** The signal for what an adapter threw, if it says the adapter cannot be asked the question. */
    static java.util.Optional<NotApplicable> notAskable(Throwable thrown) {
        String message = thrown.getMessage();
        return message != null && message.contains(CANNOT_BE_ASKED)
                ? java.util.Optional.of(
                        new NotApplicable("the implementation " + CANNOT_BE_ASKED + " this: " + message))
                : java.util.Optional.empty();
    }

    /** Whether a scenario or check ended with this signal (anywhere in the chain of causes). */
    public static boolean signalled(Throwable thrown) {
        return signalled(thrown, NotApplicable.class);
    }
}
