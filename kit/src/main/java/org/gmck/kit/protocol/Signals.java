package org.gmck.kit.protocol;

/**
 * How a process ended, in words: its exit status, or the POSIX signal that killed it (an exit status above
 * 128 is 128 plus the signal's number, as both the JVM and a shell report it).
 */
final class Signals {

    private static final String[] NAMES = {
        null,
        "SIGHUP",
        "SIGINT",
        "SIGQUIT",
        "SIGILL",
        "SIGTRAP",
        "SIGABRT",
        "SIGBUS",
        "SIGFPE",
        "SIGKILL",
        "SIGUSR1",
        "SIGSEGV",
        "SIGUSR2",
        "SIGPIPE",
        "SIGALRM",
        "SIGTERM",
        "SIGSTKFLT",
        "SIGCHLD",
        "SIGCONT",
        "SIGSTOP",
        "SIGTSTP",
        "SIGTTIN",
        "SIGTTOU",
        "SIGURG",
        "SIGXCPU",
        "SIGXFSZ",
        "SIGVTALRM",
        "SIGPROF",
        "SIGWINCH",
        "SIGIO",
        "SIGPWR",
        "SIGSYS"
    };

    private Signals() {}

    /** The name of signal {@code number}, for example {@code SIGSEGV} for 11. */
    static String name(int number) {
        return number > 0 && number < NAMES.length ? NAMES[number] : "signal " + number;
    }

    /** "exited with status 3", or "exited with SIGSEGV (exit status 139)". */
    static String describeExit(int status) {
        if (status > 128 && status < 128 + 65) {
            return "exited with " + name(status - 128) + " (exit status " + status + ")";
        }
        return "exited with status " + status;
    }
}
