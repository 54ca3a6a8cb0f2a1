package org.gmck.kit.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import org.gmck.kit.RunLimits;
import org.gmck.kit.Timeouts;

/**
 * One process of an implementation, spoken to over the adapter protocol: requests on its standard input,
 * responses from its standard output (a watchdog thread kills it when a call overruns its time limit),
 * its standard error kept (the last {@value #STDERR_LIMIT} bytes). The first time it crashes, hangs or writes
 * something that is not the awaited response, it is killed and remembered as broken: that call and every later
 * one fail with a {@link Broken} that says what happened.
 */
final class ChildProcess implements ProtocolClient.Connection {

    /** How much of a process's standard error is kept. */
    static final int STDERR_LIMIT = 64 * 1024;

    /** Kills a process that does not answer in time: its output then ends, which ends the wait for it. */
    /** No call is waiting. */
    private static final long IDLE = Long.MAX_VALUE;

    private static final int TAIL_CHARS = 1500;

    /** A call that failed because the process crashed, hung or wrote garbage. */
    static final class Broken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Broken(String message) {
            super(message);
        }
    }

    private final int number;
    private final Process process;
    private final Writer input;
    private final BufferedReader output;
    private final BiConsumer<String, String> tap;
    private volatile boolean overran;
    /** When the call waiting now overruns ({@link System#nanoTime()}), or {@link #IDLE}. */
    private volatile long deadline = IDLE;

    private final StderrTail stderr = new StderrTail(STDERR_LIMIT);
    private final Duration timeout;
    private final Instant started = Instant.now();
    private volatile Instant ended;
    private volatile String end;
    private long requests;

    private ChildProcess(int number, Process process, Duration timeout, BiConsumer<String, String> tap) {
        this.tap = tap;
        this.number = number;
        this.process = process;
        this.timeout = timeout;
        this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread err = new Thread(() -> stderr.drain(process.getErrorStream()), "gmck-process-" + number + "-err");
        err.setDaemon(true);
        err.start();
        if (timeout != null) {
            Thread watchdog = new Thread(this::watch, "gmck-process-" + number + "-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }
    }

    /**
     * Starts {@code command}; {@code timeout} is how long one call may take (null: no limit); {@code tap} sees
     * every request line with its response line.
     */
    static ChildProcess start(int number, List<String> command, Duration timeout, BiConsumer<String, String> tap) {
        try {
            return new ChildProcess(number, new ProcessBuilder(command).start(), timeout, tap);
        } catch (IOException e) {
            throw new Broken(
                    "the implementation cannot be started (" + String.join(" ", command) + "): " + e.getMessage());
        }
    }

    /** The number of the process in its run: 1 for the first, 2 for the one started after it broke, ... */
    int number() {
        return number;
    }

    /** Whether the process broke (crashed, hung, wrote garbage) or was closed. */
    boolean broken() {
        return end != null;
    }

    @Override
    public synchronized JsonNode call(String method, ObjectNode params) {
        if (end != null) {
            throw new Broken("process " + number + " of the implementation has ended (" + end
                    + "); the objects it handed out are gone");
        }
        long id = ++requests;
        String request = Messages.request(id, method, params);
        try {
            input.write(request);
            input.write('\n');
            input.flush();
        } catch (IOException e) {
            throw broke(ended(), method, id);
        }
        String line;
        if (timeout != null) {
            deadline = System.nanoTime() + timeout.toNanos() - margin(timeout);
        }
        try {
            line = output.readLine();
        } catch (IOException e) {
            line = null;
        } finally {
            deadline = IDLE;
        }
        if (overran) {
            RunLimits.hung();
            throw broke("did not answer within " + Timeouts.describe(timeout) + " and was killed", method, id);
        }
        if (line == null) {
            throw broke(ended(), method, id);
        }
        tap.accept(request, line);
        try {
            return Messages.result(line, id);
        } catch (Messages.Garbage g) {
            kill();
            throw broke("wrote " + g.getMessage() + " (" + abbreviated(line) + ") and was killed", method, id);
        }
    }

    /**
     * Watches the calls of this process without being told of each: it sleeps until the deadline of the call
     * waiting now, and kills the process if that call is still waiting then. A call that answers in time costs
     * it nothing.
     */
    private void watch() {
        while (!broken() || deadline != IDLE) {
            long d = deadline;
            long now = System.nanoTime();
            if (d == IDLE) {
                LockSupport.parkNanos(this, WATCH_IDLE_NANOS);
            } else if (now - d >= 0) {
                if (deadline == d) {
                    overran();
                    return;
                }
            } else {
                LockSupport.parkNanos(this, Math.min(d - now, WATCH_IDLE_NANOS));
            }
        }
    }

    private static final long WATCH_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private void overran() {
        overran = true;
        kill();
    }

    /** The kit gives up a little before its own timeout would, so that the scenario hears what happened. */
    private static long margin(Duration timeout) {
        return Math.max(TimeUnit.MILLISECONDS.toNanos(20), timeout.toNanos() / 20);
    }

    private Broken broke(String what, String method, long id) {
        String message = "the implementation " + what + " during " + method + ", request #" + id + " of process "
                + number + "; " + stderrTail();
        if (end == null) {
            end = message;
            ended = Instant.now();
        }
        return new Broken(message);
    }

    /** How the process ended, once its output has ended: its exit status or signal. */
    private String ended() {
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                kill();
                return "closed its standard output and was killed";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            return "closed its standard output and was killed";
        }
        return Signals.describeExit(process.exitValue());
    }

    private String stderrTail() {
        String text = stderr.text().strip();
        if (text.isEmpty()) {
            return "its standard error is empty";
        }
        return "its standard error ends with:\n"
                + (text.length() > TAIL_CHARS ? "..." + text.substring(text.length() - TAIL_CHARS) : text);
    }

    private static String abbreviated(String line) {
        String shown = line.length() > 200 ? line.substring(0, 200) + "..." : line;
        return shown.isEmpty() ? "an empty line" : "\"" + shown + "\"";
    }

    /** Ends the process: closes its input, waits up to {@code grace} for it to exit, then kills it. */
    synchronized void close(Duration grace) {
        try {
            input.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                if (end == null) {
                    end = "did not exit within " + Timeouts.describe(grace)
                            + " of the end of its input, and was killed";
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        if (end == null) {
            end = "its input was closed at the end of the run; it " + Signals.describeExit(process.exitValue());
        }
        if (ended == null) {
            ended = Instant.now();
        }
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the run's report says about this process. */
    ProcessRecord record() {
        return new ProcessRecord(
                number, started, ended, end == null ? "still running" : end, requests, stderr.text(), stderr.dropped());
    }

    /** The last bytes of a stream, kept as it is read. */
    static final class StderrTail {
        private final byte[] ring;
        private long total;

        StderrTail(int limit) {
            this.ring = new byte[limit];
        }

        void drain(InputStream in) {
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    append(buffer, n);
                }
            } catch (IOException e) {
                // the process is gone
            }
        }

        private synchronized void append(byte[] bytes, int n) {
            for (int i = 0; i < n; i++) {
                ring[(int) ((total + i) % ring.length)] = bytes[i];
            }
            total += n;
        }

        /** The bytes kept, as text. */
        synchronized String text() {
            int kept = (int) Math.min(total, ring.length);
            byte[] out = new byte[kept];
            long first = total - kept;
            for (int i = 0; i < kept; i++) {
                out[i] = ring[(int) ((first + i) % ring.length)];
            }
            return new String(out, StandardCharsets.UTF_8);
        }

        /** How many bytes were dropped from the start. */
        synchronized long dropped() {
            return Math.max(0, total - ring.length);
        }
    }
}
