package org.gmck.kit;

import org.opentest4j.TestAbortedException;

/**
 * Why a scenario or check ended without judging its rule, as a type the report reads: it does not apply to
 * the adapter ({@link NotApplicable}), or the run stopped before it ({@link NotRun}).
 */
public abstract sealed class NotJudged extends TestAbortedException permits NotApplicable, NotRun {

    private static final long serialVersionUID = 1L;

    NotJudged(String message) {
        super(message);
    }

    /** Whether {@code thrown}, or one of its causes, is a signal of this kind. */
    static boolean signalled(Throwable thrown, Class<? extends NotJudged> kind) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
