package org.gmck.qemu.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.gmck.qemu.gdb.GdbConnection;

/**
 * One {@code qemu-system-x86_64} process with its gdbstub on stdin/stdout ({@code -gdb stdio}), its vCPU
 * stopped ({@code -S}), no devices and no display.
 *
 * <p>No process outlives its owner: {@link #close()} destroys it (forcibly after a grace period); a JVM
 * shutdown hook destroys every process still open; and where {@code setpriv} exists, QEMU is started with
 * a parent-death signal, so it also dies if the JVM is killed. All processes are forked from one
 * long-lived launcher thread, because the parent-death signal fires when the forking thread ends.
 */
public final class QemuProcess implements AutoCloseable {

    private static final Set<QemuProcess> OPEN = ConcurrentHashMap.newKeySet();
    private static final ExecutorService LAUNCHER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "qemu-launcher");
        t.setDaemon(true);
        return t;
    });

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> List.copyOf(OPEN).forEach(QemuProcess::close), "qemu-reaper"));
    }

    private final Process process;
    private final GdbConnection gdb;
    private final StringBuffer stderr = new StringBuffer();
    private final List<String> command;

    private QemuProcess(Process process, List<String> command) {
        this.process = process;
        this.command = command;
        this.gdb = new GdbConnection(process.getInputStream(), process.getOutputStream(), "qemu pid " + process.pid());
        Thread drain = new Thread(() -> drain(process.getErrorStream()), "qemu-stderr-" + process.pid());
        drain.setDaemon(true);
        drain.start();
    }

    /** The command line for a stopped vCPU of {@code cpu} (for example {@code max,phys-bits=40}) with {@code memoryMiB} of RAM. */
    public static List<String> commandLine(Path binary, String cpu, int memoryMiB) {
        List<String> cmd = new ArrayList<>();
        Path setpriv = Path.of("/usr/bin/setpriv");
        if (Files.isExecutable(setpriv)) {
            cmd.addAll(List.of(setpriv.toString(), "--pdeathsig", "KILL"));
        }
        cmd.addAll(List.of(
                binary.toString(),
                "-S",
                "-gdb",
                "stdio",
                "-display",
                "none",
                "-nodefaults",
                "-monitor",
                "none",
                "-serial",
                "none",
                "-parallel",
                "none",
                "-no-reboot",
                "-no-shutdown",
                "-accel",
                "tcg",
                "-m",
                memoryMiB + "M",
                "-cpu",
                cpu));
        return List.copyOf(cmd);
    }

    /** Starts QEMU; throws {@link QemuNotInstalledException} when the binary is missing or will not start. */
    public static QemuProcess start(String cpu, int memoryMiB) {
        List<String> cmd = commandLine(QemuInstallation.require(), cpu, memoryMiB);
        Process p;
        try {
            p = LAUNCHER.submit(() -> new ProcessBuilder(cmd).start()).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new QemuNotInstalledException("cannot start " + String.join(" ", cmd) + ": "
                    + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QemuNotInstalledException("interrupted while starting QEMU");
        } catch (java.util.concurrent.TimeoutException e) {
            throw new QemuNotInstalledException("QEMU did not start within 30 s");
        }
        QemuProcess q = new QemuProcess(p, cmd);
        OPEN.add(q);
        return q;
    }

    private void drain(InputStream in) {
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (stderr.length() < 16384) {
                    stderr.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException ignored) {
            // the process is gone
        }
    }

    /** The gdb connection to this process. */
    public GdbConnection gdb() {
        return gdb;
    }

    /** Whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** A description of the process state for error messages: exit status and the end of its stderr. */
    public String diagnosis() {
        String err = stderr.toString().strip();
        if (err.length() > 600) {
            err = "..." + err.substring(err.length() - 600);
        }
        String state = process.isAlive() ? "running" : "exited with status " + process.exitValue();
        return "QEMU (pid " + process.pid() + ") " + state + (err.isEmpty() ? "" : "; stderr: " + err);
    }

    /** The command this process was started with. */
    public List<String> command() {
        return command;
    }

    /** Number of QEMU processes started by this JVM and not yet closed. */
    public static int openCount() {
        return OPEN.size();
    }

    @Override
    public void close() {
        OPEN.remove(this);
        gdb.close();
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
