package org.gmck.bochs.process;

/** Bochs (or one of its BIOS images) is not installed where the adapter looks for it. */
public class BochsNotInstalledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BochsNotInstalledException(String message) {
        super(message);
    }
}
