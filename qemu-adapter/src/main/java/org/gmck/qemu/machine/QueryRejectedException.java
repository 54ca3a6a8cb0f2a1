package org.gmck.qemu.machine;

/** The query cannot be put to QEMU as asked (for example its memory overlaps the harness or lies outside RAM). */
public class QueryRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueryRejectedException(String message) {
        super(message);
    }
}
