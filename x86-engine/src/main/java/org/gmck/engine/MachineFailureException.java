package org.gmck.engine;

/** The engine crashed, hung, shut down or answered garbage; the machine restarts it before the next query. */
public class MachineFailureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MachineFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
