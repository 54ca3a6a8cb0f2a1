package org.gmck.bochs.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One running Bochs, stopped in its internal debugger, which reads one command a line on standard input and
 * answers each with its output and the next prompt {@code <bochs:N>}. Commands go out in batches; the answer
 * to a batch is the output of each command, in order. Bochs runs without a screen (the {@code rfb} display
 * with no wait for a client), boots a 1.44 MB floppy image whose first sector is given, and stops at every
 * {@code xchg bx,bx} in guest code (the magic breakpoint).
 */
public final class BochsProcess implements AutoCloseable {

    private static final Pattern PROMPT = Pattern.compile("<bochs:(\\d+)> ");
    private static final String DISK = "disk.img";

    private final Process process;
    private final Path directory;
    private final OutputStream in;
    private final StringBuilder out = new StringBuilder();
    private final Duration timeout;
    private int nextPrompt = 1;
    private boolean eof;

    private BochsProcess(Process process, Path directory, Duration timeout) {
        this.process = process;
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            process.destroyForcibly();
                            deleteDirectory(directory);
                        },
                        "bochs-shutdown"));
        this.directory = directory;
        this.in = process.getOutputStream();
        this.timeout = timeout;
        Thread pump = new Thread(() -> pump(process.getInputStream()), "bochs-stdout");
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Starts Bochs with {@code cpuModel} (a {@code cpu: model=} name), {@code memoryMiB} of guest RAM and a
     * floppy whose first sector is {@code bootSector}, and waits for the debugger's first prompt (at the reset
     * vector).
     */
    public static BochsProcess start(String cpuModel, int memoryMiB, byte[] bootSector, Duration timeout) {
        return start(cpuModel, memoryMiB, bootSector, timeout, 0);
    }

    /**
     * As {@link #start(String, int, byte[], Duration)}, with a hard disk of {@code diskCylinders} cylinders (16
     * heads, 63 sectors a track, zero-filled) on the first ATA channel when {@code diskCylinders} is positive: a
     * bulk channel between the host and the guest, whose image file ({@link #disk()}) Bochs reads and writes
     * through on every sector.
     */
    public static BochsProcess start(
            String cpuModel, int memoryMiB, byte[] bootSector, Duration timeout, int diskCylinders) {
        Path binary = BochsInstallation.require();
        if (bootSector.length != 512) {
            throw new IllegalArgumentException("a boot sector is 512 bytes");
        }
        try {
            Path dir = Files.createTempDirectory("gmck-bochs");
            byte[] floppy = new byte[1474560];
            System.arraycopy(bootSector, 0, floppy, 0, 512);
            Files.write(dir.resolve("boot.img"), floppy);
            String config = configuration(cpuModel, memoryMiB, dir);
            if (diskCylinders > 0) {
                try (RandomAccessFile disk =
                        new RandomAccessFile(dir.resolve(DISK).toFile(), "rw")) {
                    disk.setLength((long) diskCylinders * 16 * 63 * 512);
                }
                config += "ata0: enabled=1, ioaddr1=0x1f0, ioaddr2=0x3f0, irq=14\n"
                        + "ata0-master: type=disk, path=" + dir.resolve(DISK) + ", mode=flat, cylinders="
                        + diskCylinders + ", heads=16, spt=63\n";
            }
            Files.writeString(dir.resolve("bochsrc"), config);
            ProcessBuilder pb = new ProcessBuilder(
                            binary.toString(),
                            "-q",
                            "-f",
                            dir.resolve("bochsrc").toString())
                    .directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            BochsProcess p = new BochsProcess(pb.start(), dir, timeout);
            p.awaitPrompt(1);
            return p;
        } catch (IOException e) {
            throw new DebuggerException("cannot start " + binary + ": " + e.getMessage(), e);
        }
    }

    /** The configuration file: no screen, no sound, the magic breakpoint on, panics fatal. */
    static String configuration(String cpuModel, int memoryMiB, Path dir) {
        return String.join(
                "\n",
                "memory: guest=" + memoryMiB + ", host=" + memoryMiB,
                "cpu: model=" + cpuModel + ", count=1, ips=100000000, reset_on_triple_fault=1",
                "display_library: rfb, options=\"timeout=0\"",
                "romimage: file=" + BochsInstallation.BIOS,
                "vgaromimage: file=" + BochsInstallation.VGA_BIOS,
                "floppya: 1_44=" + dir.resolve("boot.img") + ", status=inserted",
                "boot: floppy",
                "floppy_bootsig_check: disabled=0",
                "sound: waveoutdrv=dummy",
                "speaker: enabled=0",
                "magic_break: enabled=1",
                "log: " + dir.resolve("bochs.log"),
                "panic: action=fatal",
                "error: action=report",
                "info: action=ignore",
                "debug: action=ignore",
                "");
    }

    private void pump(InputStream stream) {
        byte[] buf = new byte[65536];
        try {
            int n;
            while ((n = stream.read(buf)) > 0) {
                synchronized (out) {
                    out.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                    out.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended; eof below tells the waiting side
        }
        synchronized (out) {
            eof = true;
            out.notifyAll();
        }
    }

    /**
     * Sends the commands and returns each one's output (without the echoed command line), in order. The last
     * command may run the guest ({@code c}); the answer comes when the guest stops again.
     */
    public List<String> exchange(List<String> commands) {
        if (commands.isEmpty()) {
            return List.of();
        }
        StringBuilder text = new StringBuilder();
        for (String c : commands) {
            if (c.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("one command a line: " + c);
            }
            text.append(c).append('\n');
        }
        int first = nextPrompt;
        try {
            in.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
            in.flush();
        } catch (IOException e) {
            throw new DebuggerException("Bochs's debugger closed its input: " + e.getMessage() + tail(), e);
        }
        String answer = "<bochs:" + first + "> " + awaitPrompt(first + commands.size());
        List<String> outputs = new ArrayList<>();
        Matcher m = PROMPT.matcher(answer);
        int start = -1;
        while (m.find()) {
            if (start >= 0) {
                outputs.add(dropEcho(answer.substring(start, m.start())));
            }
            start = m.end();
        }
        if (outputs.size() != commands.size()) {
            throw new DebuggerException(
                    "expected " + commands.size() + " answers, read " + outputs.size() + ": " + answer, null);
        }
        return outputs;
    }

    /** A single command's output. */
    public String command(String command) {
        return exchange(List.of(command)).get(0);
    }

    private static String dropEcho(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? "" : s.substring(nl + 1);
    }

    /** Waits for prompt {@code number} and returns (and consumes) the output up to it, the prompt included. */
    private String awaitPrompt(int number) {
        String marker = "<bochs:" + number + "> ";
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (out) {
            while (true) {
                int at = out.indexOf(marker);
                if (at >= 0) {
                    String answer = out.substring(0, at + marker.length());
                    out.delete(0, at + marker.length());
                    nextPrompt = number;
                    return answer;
                }
                long left = deadline - System.nanoTime();
                if (eof || left <= 0) {
                    String seen = out.length() > 2000 ? out.substring(out.length() - 2000) : out.toString();
                    throw new DebuggerException(
                            (eof ? "Bochs exited" : "Bochs did not stop within " + timeout) + " waiting for prompt "
                                    + number + "; last output: " + seen + tail(),
                            null);
                }
                try {
                    out.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DebuggerException("interrupted", e);
                }
            }
        }
    }

    /** The last lines of Bochs's log (errors and panics), for failure messages. */
    public String logTail() {
        return tail();
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("bochs.log"), StandardCharsets.ISO_8859_1);
            return "; bochs.log ends: "
                    + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** The image file of the hard disk, if the process was started with one. */
    public Path disk() {
        return directory.resolve(DISK);
    }

    /** Whether the process is still running. */
    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        try {
            in.write("q\n".getBytes(StandardCharsets.ISO_8859_1));
            in.flush();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteDirectory(directory);
    }

    private static void deleteDirectory(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // already gone, or a temporary directory left behind
        }
    }
}
