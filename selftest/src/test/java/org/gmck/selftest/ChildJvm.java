package org.gmck.selftest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code java} command of the JVMs the self-tests start (the standalone jar, a certification in a JVM of its
 * own): this JVM's {@code java}, with the serial collector and the first JIT tier only. Each of these JVMs lives a
 * few seconds on a machine whose two cores the build's test forks already use; the optimising compiler and the
 * default collector's threads would cost them more than they give back. The kit's own child JVMs
 * ({@code --isolate}) run with the same options ({@code ProcessAdapter.CHILD_JVM_OPTIONS}).
 */
final class ChildJvm {

    /** The options, as {@code ProcessAdapter} gives them to an isolated adapter's JVM. */
    static final List<String> OPTIONS = org.gmck.kit.protocol.ProcessAdapter.CHILD_JVM_OPTIONS;

    private ChildJvm() {}

    /** The path of this JVM's {@code java}. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java} with the options, followed by {@code args}. */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(OPTIONS);
        command.addAll(List.of(args));
        return command;
    }

    /** The same as one line for {@code /bin/sh -c}, the path of {@code java} quoted. */
    static String commandLine() {
        return "'" + java() + "' " + String.join(" ", OPTIONS);
    }
}
