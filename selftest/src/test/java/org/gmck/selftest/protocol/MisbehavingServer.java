package org.gmck.selftest.protocol;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gmck.kit.protocol.ProtocolServer;
import org.gmck.selftest.hostile.PgmModesOnly;

/**
 * A known-bad implementation over the adapter protocol: the reference's paging modes, served honestly except
 * for one request, the first {@value #TRIGGER} of the run, on which it misbehaves as its first argument says:
 * {@code exit} (exits with status 3), {@code segv} (its parent shell dies of SIGSEGV, as a process that
 * dereferences a bad pointer does, and it goes with it), {@code hang} (never answers), {@code garbage} (writes a
 * line that is not JSON) or {@code wrong-id} (answers another request). "Once a run": the second argument is a file that marks that it has misbehaved, so that the processes
 * started after it behave and the run shows exactly one broken check.
 */
public final class MisbehavingServer {

    /** The method on which it misbehaves. */
    public static final String TRIGGER = "PagingModes.shadowMode";

    private MisbehavingServer() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        String mode = args[0];
        Path marker = Path.of(args[1]);
        ProtocolServer server = new ProtocolServer(new PgmModesOnly());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.err.println("misbehaving server (" + mode + ") started");
        String line;
        while ((line = in.readLine()) != null) {
            if (line.contains("\"method\":\"" + TRIGGER + "\"") && !Files.exists(marker)) {
                Files.writeString(marker, mode);
                System.err.println("misbehaving server: about to " + mode + " on " + TRIGGER);
                misbehave(mode, line, out, server);
                continue;
            }
            out.println(server.answer(line));
        }
    }

    private static void misbehave(String mode, String line, PrintStream out, ProtocolServer server)
            throws IOException, InterruptedException {
        switch (mode) {
            case "exit":
                System.exit(3);
                break;
            case "segv":
                long parent = ProcessHandle.current().parent().orElseThrow().pid();
                new ProcessBuilder("kill", "-SEGV", Long.toString(parent))
                        .start()
                        .waitFor();
                Runtime.getRuntime().halt(0);
                break;
            case "hang":
                Thread.sleep(Long.MAX_VALUE);
                break;
            case "garbage":
                out.println("Segmentation fault (core dumped)");
                break;
            case "wrong-id":
                out.println(server.answer(line).replaceFirst("\"id\":(\\d+)", "\"id\":999999"));
                break;
            default:
                throw new IllegalArgumentException(mode);
        }
    }
}
