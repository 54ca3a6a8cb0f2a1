package org.gmck.bochs.process;

/** Bochs's debugger did not answer in time, exited, or answered something the adapter cannot read. */
public class DebuggerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DebuggerException(String message, Throwable cause) {
        super(message, cause);
    }
}
