package org.gmck.selftest;

import java.util.List;
import org.gmck.kit.protocol.ProcessAdapter;

/**
 * The {@code java} command of the JVMs the self-tests start (the standalone jar, a certification in a JVM of its
 * own): the one the kit starts its own child JVMs with ({@link ProcessAdapter#childJava()}), this JVM's
 * {@code java} with the serial collector and the first JIT tier only. Each of these JVMs lives a few seconds on a
 * machine whose two cores the build's test forks already use; the optimising compiler and the default
 * collector's threads would cost them more than they give back.
 */
final class ChildJvm {

    /** The options, as {@code ProcessAdapter} gives them to an isolated adapter's JVM. */
    static final List<String> OPTIONS = ProcessAdapter.CHILD_JVM_OPTIONS;

    private ChildJvm() {}

    /** {@code java} with the options, followed by {@code args}. */
    static List<String> command(String... args) {
        List<String> command = ProcessAdapter.childJava();
        command.addAll(List.of(args));
        return command;
    }

    /** The same as one line for {@code /bin/sh -c}, the path of {@code java} quoted. */
    static String commandLine() {
        List<String> java = ProcessAdapter.childJava();
        return "'" + java.get(0).replace("'", "'\\''") + "' " + String.join(" ", java.subList(1, java.size()));
    }
}
