package org.gmck.qemu.gdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A gdb remote-protocol connection over a byte stream pair (a QEMU process's stdin and stdout when it runs
 * with {@code -gdb stdio}). The connection stays in acknowledgement mode, because QEMU 7.2 does not offer
 * {@code QStartNoAckMode}; QEMU never waits for our {@code +}, so acknowledgements are coalesced into the
 * next write. A daemon thread reads and decodes; every exchange has a deadline.
 *
 * <p>After any failure (timeout, garbage, closed stream) the connection is broken for good: the peer's
 * state is unknown, and the owner must restart it.
 */
public final class GdbConnection implements AutoCloseable {

    private record Failure(RuntimeException error) {}

    private static final Object EOF = new Object();

    private final OutputStream out;
    private final String peer;
    private final BlockingQueue<Object> frames = new LinkedBlockingQueue<>();
    private final Thread reader;
    private int acksOwed;
    private volatile RuntimeException broken;

    public GdbConnection(InputStream in, OutputStream out, String peer) {
        this.out = out;
        this.peer = peer;
        this.reader = new Thread(() -> pump(in), "gdb-reader-" + peer);
        reader.setDaemon(true);
        reader.start();
    }

    private void pump(InputStream in) {
        RspCodec codec = new RspCodec();
        byte[] buffer = new byte[65536];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                frames.addAll(codec.feed(buffer, 0, n));
            }
            frames.add(EOF);
        } catch (GdbProtocolException e) {
            frames.add(new Failure(e));
        } catch (IOException e) {
            frames.add(EOF);
        }
    }

    /** Sends one packet and returns its single reply. */
    public String ask(String packet, Duration timeout) {
        return exchange(List.of(Request.single(packet)), timeout).get(0);
    }

    /**
     * Sends the requests in one write and returns their replies in order. A monitor request's reply is
     * its decoded console output; a resume request's reply is the stop-reply packet.
     */
    public synchronized List<String> exchange(List<Request> batch, Duration timeout) {
        if (broken != null) {
            throw new GdbProtocolException("connection to " + peer + " is broken: " + broken.getMessage(), broken);
        }
        for (int i = 0; i < batch.size() - 1; i++) {
            if (batch.get(i).kind() == Request.Kind.RESUME) {
                throw new IllegalArgumentException("a resume packet must be the last of its batch");
            }
        }
        try {
            return doExchange(batch, System.nanoTime() + timeout.toNanos());
        } catch (RuntimeException e) {
            broken = e;
            throw e;
        }
    }

    private List<String> doExchange(List<Request> batch, long deadline) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (; acksOwed > 0; acksOwed--) {
            wire.write('+');
        }
        for (Request r : batch) {
            wire.writeBytes(RspCodec.encode(r.packet()));
        }
        try {
            out.write(wire.toByteArray());
            out.flush();
        } catch (IOException e) {
            throw new GdbConnectionClosedException("cannot write to " + peer + ": " + e.getMessage());
        }
        List<String> replies = new ArrayList<>(batch.size());
        for (Request r : batch) {
            replies.add(
                    switch (r.kind()) {
                        case SINGLE, RESUME -> nextPacket(r, deadline);
                        case MONITOR -> monitorOutput(r, deadline);
                    });
        }
        return replies;
    }

    private String monitorOutput(Request r, long deadline) {
        StringBuilder text = new StringBuilder();
        while (true) {
            String p = nextPacket(r, deadline);
            if (p.equals("OK")) {
                return text.toString();
            }
            if (p.startsWith("O") && !p.equals("OK")) {
                text.append(new String(Hex.bytes(p.substring(1)), StandardCharsets.ISO_8859_1));
            } else if (p.startsWith("E") || p.isEmpty()) {
                throw new GdbProtocolException(peer + " refused monitor command '" + r.packet() + "': '" + p + "'");
            } else {
                throw new GdbProtocolException("unexpected reply to monitor command: '" + Hex.abbreviate(p) + "'");
            }
        }
    }

    private String nextPacket(Request r, long deadline) {
        while (true) {
            long left = deadline - System.nanoTime();
            Object item;
            try {
                item = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GdbTimeoutException("interrupted while waiting for " + peer);
            }
            if (item == null) {
                throw new GdbTimeoutException(peer + " did not answer '" + Hex.abbreviate(r.packet()) + "' in time"
                        + (r.kind() == Request.Kind.RESUME ? " (the vCPU did not stop)" : ""));
            }
            if (item == EOF) {
                frames.add(EOF);
                throw new GdbConnectionClosedException(
                        peer + " closed the connection while '" + Hex.abbreviate(r.packet()) + "' was outstanding");
            }
            if (item instanceof Failure f) {
                frames.add(f);
                throw new GdbProtocolException(
                        peer + " sent garbage: " + f.error().getMessage(), f.error());
            }
            if (item instanceof Frame.Nak) {
                throw new GdbProtocolException(peer + " rejected a packet as damaged (checksum)");
            }
            if (item instanceof Frame.Packet p && !p.notification()) {
                acksOwed++;
                return p.payload();
            }
        }
    }

    /** Whether an earlier failure broke the connection. */
    public boolean isBroken() {
        return broken != null;
    }

    @Override
    public void close() {
        broken = broken != null ? broken : new GdbConnectionClosedException("closed");
        try {
            out.close();
        } catch (IOException ignored) {
            // the peer is going away anyway
        }
    }
}
