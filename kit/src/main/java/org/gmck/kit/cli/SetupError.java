package org.gmck.kit.cli;

/**
 * Why a command cannot do what it was asked (a file that cannot be read, no adapter in the jars, a rule
 * the catalogue does not have): printed as one line, exit status {@link GmckCli#USAGE}.
 */
final class SetupError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SetupError(String message) {
        super(message);
    }
}
