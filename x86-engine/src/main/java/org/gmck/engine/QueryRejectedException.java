package org.gmck.engine;

/** The query cannot be put to the engine as asked (for example its memory overlaps the harness or lies outside RAM). */
public class QueryRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueryRejectedException(String message) {
        super(message);
    }
}
