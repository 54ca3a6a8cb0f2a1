package org.gmck.qemu.gdb;

/**
 * One packet to send and the shape of its answer. Requests are pipelined: a batch goes out in one write
 * and the answers come back in order. A {@link Kind#RESUME} request ({@code s}, {@code c}) must end its
 * batch, because a byte that reaches QEMU while the vCPU runs stops the vCPU and is lost.
 */
public record Request(String packet, Kind kind) {

    /** The shape of the answer. */
    public enum Kind {
        /** Exactly one reply packet. */
        SINGLE,
        /** {@code qRcmd}: console output packets {@code O<hex>}, then {@code OK} or {@code Exx}. */
        MONITOR,
        /** {@code s} or {@code c}: a stop reply once the target stops. */
        RESUME
    }

    public Request {
        if (packet.isEmpty()) {
            throw new IllegalArgumentException("empty packet");
        }
    }

    public static Request single(String packet) {
        return new Request(packet, Kind.SINGLE);
    }
}
