package org.gmck.qemu.gdb;

/** The stub answered something the protocol does not allow, or something this client did not ask for. */
public class GdbProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GdbProtocolException(String message) {
        super(message);
    }

    public GdbProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
