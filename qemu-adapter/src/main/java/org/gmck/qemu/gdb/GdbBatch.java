package org.gmck.qemu.gdb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Requests that go out in one write, each with a typed answer. Writes must be answered {@code OK};
 * anything else is a protocol error naming the packet. At most one resume ({@link #step()}) and only last.
 */
public final class GdbBatch {

    /** Memory packets carry at most this many data bytes (QEMU 7.2's packet buffer is 4 KiB of hex). */
    public static final int MAX_MEMORY_CHUNK = 0x700;

    private final List<Request> requests = new ArrayList<>();
    private final List<Consumer<String>> handlers = new ArrayList<>();

    private void add(Request r, Consumer<String> handler) {
        if (!requests.isEmpty() && requests.get(requests.size() - 1).kind() == Request.Kind.RESUME) {
            throw new IllegalStateException("nothing may follow a resume packet in a batch");
        }
        requests.add(r);
        handlers.add(handler);
    }

    private void expectOk(String packet) {
        add(Request.single(packet), reply -> {
            if (!reply.equals("OK")) {
                throw new GdbProtocolException(
                        "stub answered '" + Hex.abbreviate(reply) + "' to '" + Hex.abbreviate(packet) + "'");
            }
        });
    }

    /** {@code P n=value}: writes a register of {@code width} bytes. */
    public GdbBatch writeRegister(int number, long value, int width) {
        expectOk(String.format("P%x=%s", number, Hex.littleEndian(value, width)));
        return this;
    }

    /** {@code p n}: reads a register (its low 8 bytes). */
    public Slot<Long> readRegister(int number) {
        Slot<Long> slot = new Slot<>();
        String packet = String.format("p%x", number);
        add(Request.single(packet), reply -> {
            if (reply.isEmpty() || reply.startsWith("E")) {
                throw new GdbProtocolException("stub answered '" + reply + "' to '" + packet + "'");
            }
            slot.fill(Hex.fromLittleEndian(reply));
        });
        return slot;
    }

    /** {@code M addr,len:data}, split into packets QEMU accepts. */
    public GdbBatch writeMemory(long address, byte[] data) {
        for (int off = 0; off < data.length; off += MAX_MEMORY_CHUNK) {
            int n = Math.min(MAX_MEMORY_CHUNK, data.length - off);
            byte[] chunk = new byte[n];
            System.arraycopy(data, off, chunk, 0, n);
            expectOk(String.format("M%x,%x:%s", address + off, n, Hex.of(chunk)));
        }
        return this;
    }

    /** {@code M} whose refusal is an answer, not an error (for example a write through an unmapped address). */
    public Slot<Boolean> tryWriteMemory(long address, byte[] data) {
        if (data.length > MAX_MEMORY_CHUNK) {
            throw new IllegalArgumentException("at most " + MAX_MEMORY_CHUNK + " bytes");
        }
        Slot<Boolean> slot = new Slot<>();
        add(Request.single(String.format("M%x,%x:%s", address, data.length, Hex.of(data))), reply -> {
            if (!reply.equals("OK") && !reply.startsWith("E")) {
                throw new GdbProtocolException("unexpected answer to a memory write: '" + Hex.abbreviate(reply) + "'");
            }
            slot.fill(reply.equals("OK"));
        });
        return slot;
    }

    /** {@code m addr,len}: reads memory; a refusal is a protocol error. */
    public Slot<byte[]> readMemory(long address, int length) {
        Slot<byte[]> slot = new Slot<>();
        String packet = String.format("m%x,%x", address, length);
        add(Request.single(packet), reply -> {
            if (reply.startsWith("E") || reply.length() != 2 * length) {
                throw new GdbProtocolException("stub answered '" + Hex.abbreviate(reply) + "' to '" + packet + "'");
            }
            slot.fill(Hex.bytes(reply));
        });
        return slot;
    }

    /** {@code m} whose refusal is an answer: empty when the stub cannot read there. */
    public Slot<byte[]> tryReadMemory(long address, int length) {
        Slot<byte[]> slot = new Slot<>();
        add(Request.single(String.format("m%x,%x", address, length)), reply -> {
            if (reply.startsWith("E")) {
                slot.fill(new byte[0]);
            } else if (reply.length() == 2 * length) {
                slot.fill(Hex.bytes(reply));
            } else {
                throw new GdbProtocolException("unexpected answer to a memory read: '" + Hex.abbreviate(reply) + "'");
            }
        });
        return slot;
    }

    /** QEMU's {@code Qqemu.PhyMemMode}: whether {@code m}/{@code M} use physical or virtual addresses. */
    public GdbBatch physicalMemoryMode(boolean physical) {
        expectOk("Qqemu.PhyMemMode:" + (physical ? 1 : 0));
        return this;
    }

    /** {@code qRcmd}: runs a monitor command; the answer is its console output. */
    public Slot<String> monitor(String command) {
        Slot<String> slot = new Slot<>();
        add(
                new Request(
                        "qRcmd," + Hex.of(command.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
                        Request.Kind.MONITOR),
                slot::fill);
        return slot;
    }

    /** Any packet with one raw reply. */
    public Slot<String> raw(String packet) {
        Slot<String> slot = new Slot<>();
        add(Request.single(packet), slot::fill);
        return slot;
    }

    /** {@code s}: one single step; must be the last request. */
    public Slot<StopReply> step() {
        Slot<StopReply> slot = new Slot<>();
        add(new Request("s", Request.Kind.RESUME), reply -> slot.fill(StopReply.parse(reply)));
        return slot;
    }

    /** {@code c}: lets the vCPU run until it stops (a breakpoint); must be the last request. */
    public Slot<StopReply> resume() {
        Slot<StopReply> slot = new Slot<>();
        add(new Request("c", Request.Kind.RESUME), reply -> slot.fill(StopReply.parse(reply)));
        return slot;
    }

    /** {@code Z0}: a breakpoint at a linear address, answered {@code OK}. */
    public GdbBatch insertBreakpoint(long address) {
        expectOk(String.format("Z0,%x,1", address));
        return this;
    }

    /** Whether the batch holds no request. */
    public boolean isEmpty() {
        return requests.isEmpty();
    }

    /** Sends every request in one write and fills every slot. */
    public void run(GdbConnection connection, Duration timeout) {
        if (requests.isEmpty()) {
            return;
        }
        List<String> replies = connection.exchange(requests, timeout);
        for (int i = 0; i < replies.size(); i++) {
            handlers.get(i).accept(replies.get(i));
        }
    }
}
