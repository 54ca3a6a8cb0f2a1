package org.gmck.qemu.process;

/** qemu-system-x86_64 cannot be found or cannot be started. */
public class QemuNotInstalledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QemuNotInstalledException(String message) {
        super(message);
    }
}
