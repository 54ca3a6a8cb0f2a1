package org.gmck.kit.protocol;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.gmck.kit.ScopedAdapter;
import org.gmck.kit.Timeouts;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.largepage.LargePages;
import org.gmck.spi.monitor.MonitorFactory;
import org.gmck.spi.pgm.PagingModes;
import org.gmck.spi.pgm.handler.AccessHandlerFactory;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.X86Mmu;

/**
 * An implementation in a process of its own, certified over the adapter protocol: started with a command
 * ({@code --adapter-command}, {@code -Dconformance.adapter-command}) or, for a JVM adapter run in isolation
 * ({@code --isolate}, {@code -Dconformance.isolate}), as a child JVM serving it with {@link ProtocolServer}.
 *
 * <p>One process serves the run; {@link #release()} ({@code adapter.reset}) ends each check's objects. When the
 * process crashes, hangs or writes garbage, the call that saw it fails with what happened (see
 * {@link ChildProcess}), and the next entry point called starts a new process. Every process's standard error
 * is kept for the report ({@link #processes()}).
 */
public final class ProcessAdapter implements ConformanceAdapter, ScopedAdapter, AutoCloseable {

    /** The system property with the command that starts an implementation. */
    public static final String COMMAND = "conformance.adapter-command";
    /** The system property that runs the JVM adapter named by {@code conformance.adapter} in a child JVM. */
    public static final String ISOLATE = "conformance.isolate";
    /** How long a process may take to exit once its input is closed. */
    static final Duration GRACE = Duration.ofSeconds(5);
    /** How many ended processes the report keeps (the first ones and the last ones). */
    private static final int KEPT = 40;

    private final List<String> command;
    private final String shown;
    private final List<ProcessRecord> ended = new ArrayList<>();
    private int started;
    private int forgotten;
    private ChildProcess process;
    private ProtocolClient client;
    private ConformanceAdapter remote;
    private ProtocolClient.Description description;
    private BiConsumer<String, String> tap = (request, response) -> {};

    private ProcessAdapter(List<String> command, String shown) {
        this.command = List.copyOf(command);
        this.shown = shown;
    }

    /** Shows every request line, with its response line, to {@code tap}: to record or check the traffic. */
    public synchronized ProcessAdapter tapped(BiConsumer<String, String> tap) {
        this.tap = tap;
        return this;
    }

    /** The implementation {@code commandLine} starts, run by {@code /bin/sh -c}. */
    public static ProcessAdapter command(String commandLine) {
        return new ProcessAdapter(List.of("/bin/sh", "-c", commandLine), commandLine);
    }

    /**
     * The options of an isolated adapter's JVM: the serial collector and the first JIT tier only. The child
     * serves one call at a time and spends most of a run waiting for the next request, so the default
     * collector's threads and the optimising compiler cost the machine more than they give back (a GMM
     * certification over the protocol, measured in benchmarks/README.md: a quarter less time, half the processor
     * time, with the kit's JVM run the same way).
     */
    public static final List<String> CHILD_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** This JVM's {@code java} followed by {@link #CHILD_JVM_OPTIONS}: how every child JVM of the kit starts. */
    public static List<String> childJava() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(CHILD_JVM_OPTIONS);
        return command;
    }

    /**
     * The JVM adapter named {@code name}, served in a child JVM on this JVM's class path and {@code more} (the
     * adapter's own jars, when they are not on it).
     */
    public static ProcessAdapter isolated(String name, List<Path> more) {
        StringBuilder classPath = new StringBuilder(System.getProperty("java.class.path"));
        for (Path p : more) {
            classPath.append(File.pathSeparator).append(p.toAbsolutePath());
        }
        List<String> command = childJava();
        String java = command.get(0);
        command.addAll(
                List.of("-cp", classPath.toString(), "-Dfile.encoding=UTF-8", ProtocolServer.class.getName(), name));
        return new ProcessAdapter(command, "the JVM adapter '" + name + "' in a child JVM (" + java + ")");
    }

    /** What is certified: the command, or which JVM adapter in isolation. */
    public String command() {
        return shown;
    }

    private synchronized ConformanceAdapter remote() {
        if (process == null || process.broken()) {
            if (process != null) {
                keep(process.record());
            }
            start();
        }
        return remote;
    }

    private void start() {
        started++;
        process = ChildProcess.start(started, command, callTimeout(), tap);
        client = new ProtocolClient(process, "process " + started);
        ProtocolClient.Description said = client.describe();
        if (description == null) {
            description = said;
        }
        remote = client.adapter(description);
    }

    private static Duration callTimeout() {
        Duration timeout;
        try {
            timeout = Timeouts.forRun();
        } catch (IllegalArgumentException e) {
            timeout = Duration.ofSeconds(10);
        }
        return timeout.equals(Timeouts.UNLIMITED) ? null : timeout;
    }

    private void keep(ProcessRecord record) {
        ended.add(record);
        if (ended.size() > KEPT) {
            ended.remove(KEPT / 2);
            forgotten++;
        }
    }

    private synchronized ProtocolClient.Description description() {
        if (description == null) {
            remote();
        }
        return description;
    }

    @Override
    public synchronized void release() {
        if (process != null && !process.broken()) {
            try {
                client.reset();
            } catch (RuntimeException e) {
                // a process that fails its reset is broken: the next check starts a new one
                process.close(Duration.ZERO);
            }
        }
    }

    /** Ends the current process: closes its input and gives it 5 seconds to exit before it is killed. */
    @Override
    public synchronized void close() {
        if (process != null) {
            process.close(GRACE);
            keep(process.record());
            process = null;
        }
    }

    /** The processes the run started, in order (the current one last), and how many were left out. */
    public synchronized Processes processes() {
        List<ProcessRecord> all = new ArrayList<>(ended);
        if (process != null) {
            all.add(process.record());
        }
        return new Processes(shown, List.copyOf(all), forgotten);
    }

    /** What the report keeps of the processes of a run. */
    public record Processes(String command, List<ProcessRecord> processes, int leftOut) {}

    @Override
    public String name() {
        return description().name();
    }

    @Override
    public String version() {
        return description().version();
    }

    @Override
    public Set<Profile> profiles() {
        return description().profiles();
    }

    @Override
    public Map<String, String> parameters() {
        return description().parameters();
    }

    @Override
    public PagingModes pagingModes() {
        return remote().pagingModes();
    }

    @Override
    public LargePages largePages() {
        return remote().largePages();
    }

    @Override
    public GuestMemoryFactory guestMemory() {
        return remote().guestMemory();
    }

    @Override
    public X86Mmu newX86Mmu(CpuModel model, long guestRamBytes) {
        return remote().newX86Mmu(model, guestRamBytes);
    }

    @Override
    public GmmFactory gmm() {
        return remote().gmm();
    }

    @Override
    public MonitorFactory monitor() {
        return remote().monitor();
    }

    @Override
    public AccessHandlerFactory accessHandlers() {
        return remote().accessHandlers();
    }

    @Override
    public String toString() {
        return "process adapter: " + shown;
    }
}
