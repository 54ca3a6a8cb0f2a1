package org.gmck.bochs.binding;

/**
 * Bochs could not answer: it is not installed, it crashed, hung or answered garbage, or the question cannot
 * be put to it through the harness. The scenario that asked fails with this message; the run goes on.
 */
public class BochsUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BochsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
