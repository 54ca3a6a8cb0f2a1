package org.gmck.qemu.gdb;

/** The stub did not answer in time: it hangs, or the vCPU never stops. */
public class GdbTimeoutException extends GdbProtocolException {
    private static final long serialVersionUID = 1L;

    public GdbTimeoutException(String message) {
        super(message);
    }
}
