package org.gmck.qemu.gdb;

/** The stub's end of the connection closed: the process exited or crashed. */
public class GdbConnectionClosedException extends GdbProtocolException {
    private static final long serialVersionUID = 1L;

    public GdbConnectionClosedException(String message) {
        super(message);
    }
}
