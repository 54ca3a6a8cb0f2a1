package org.gmck.qemu.gdb;

/** One unit the stub sends: an acknowledgement, a negative acknowledgement, or a packet with its payload. */
public sealed interface Frame {

    /** {@code +}: the previous packet arrived intact. */
    record Ack() implements Frame {}

    /** {@code -}: the previous packet arrived damaged. */
    record Nak() implements Frame {}

    /** {@code $payload#cs} (or a {@code %} notification), with escapes and run lengths already undone. */
    record Packet(String payload, boolean notification) implements Frame {}
}
