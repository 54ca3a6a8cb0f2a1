package org.gmck.qemu.gdb;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Framing of the gdb remote serial protocol: {@code $payload#xx}, where xx is the modulo-256 sum of the
 * payload bytes as sent. {@code $ # } *} in a payload are escaped as <code>}</code> followed by the byte
 * XOR 0x20; in replies, {@code c*n} repeats c (n - 29) more times.
 *
 * <p>The decoder is incremental: feed it whatever bytes arrive and take the complete frames. A bad
 * checksum or stray byte outside a frame is garbage and raises {@link GdbProtocolException}.
 */
public final class RspCodec {

    private static final int MAX_PACKET = 1 << 20;

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private State state = State.IDLE;
    private boolean notification;
    private int checksumDigits;
    private int checksum;

    private int expected;

    private enum State {
        IDLE,
        BODY,
        ESCAPE,
        REPEAT,
        CHECKSUM
    }

    /** The framed, escaped bytes of one packet. */
    public static byte[] encode(String payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length() + 4);
        out.write('$');
        int sum = 0;
        for (byte b : payload.getBytes(StandardCharsets.ISO_8859_1)) {
            if (b == '$' || b == '#' || b == '}' || b == '*') {
                out.write('}');
                sum += '}';
                b ^= 0x20;
            }
            out.write(b);
            sum += b & 0xFF;
        }
        out.write('#');
        String cs = String.format("%02x", sum & 0xFF);
        out.write(cs.charAt(0));
        out.write(cs.charAt(1));
        return out.toByteArray();
    }

    /** The modulo-256 checksum of raw (already escaped) packet bytes. */
    public static int checksum(byte[] raw) {
        int sum = 0;
        for (byte b : raw) {
            sum += b & 0xFF;
        }
        return sum & 0xFF;
    }

    /** Feeds received bytes; returns the frames completed by them, in order. */
    public List<Frame> feed(byte[] data, int offset, int length) {
        List<Frame> frames = new ArrayList<>();
        for (int i = offset; i < offset + length; i++) {
            int b = data[i] & 0xFF;
            switch (state) {
                case IDLE -> {
                    if (b == '+') {
                        frames.add(new Frame.Ack());
                    } else if (b == '-') {
                        frames.add(new Frame.Nak());
                    } else if (b == '$' || b == '%') {
                        notification = b == '%';
                        body.reset();
                        checksum = 0;
                        state = State.BODY;
                    } else {
                        throw new GdbProtocolException(String.format("garbage between packets: byte 0x%02x", b));
                    }
                }
                case BODY -> {
                    if (b == '#') {
                        state = State.CHECKSUM;
                        checksumDigits = 0;
                    } else {
                        checksum += b;
                        if (b == '}') {
                            state = State.ESCAPE;
                        } else if (b == '*') {
                            state = State.REPEAT;
                        } else {
                            append(b);
                        }
                    }
                }
                case ESCAPE -> {
                    checksum += b;
                    append(b ^ 0x20);
                    state = State.BODY;
                }
                case REPEAT -> {
                    checksum += b;
                    repeat(b);
                    state = State.BODY;
                }
                case CHECKSUM -> {
                    int d = Character.digit(b, 16);
                    if (d < 0) {
                        throw new GdbProtocolException(String.format("bad checksum digit 0x%02x", b));
                    }
                    checksumDigits++;
                    if (checksumDigits == 1) {
                        expected = d << 4;
                    } else {
                        expected |= d;
                        String payload = body.toString(StandardCharsets.ISO_8859_1);
                        state = State.IDLE;
                        if ((checksum & 0xFF) != expected) {
                            throw new GdbProtocolException(String.format(
                                    "checksum mismatch: packet '%s' sums to %02x, stub sent %02x",
                                    Hex.abbreviate(payload), checksum & 0xFF, expected));
                        }
                        frames.add(new Frame.Packet(payload, notification));
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        return frames;
    }

    private void repeat(int countByte) {
        byte[] sofar = body.toByteArray();
        if (sofar.length == 0 || countByte < 29 + 3 || countByte > 126) {
            throw new GdbProtocolException("bad run-length encoding");
        }
        int last = sofar[sofar.length - 1] & 0xFF;
        for (int n = 0; n < countByte - 29; n++) {
            append(last);
        }
    }

    private void append(int b) {
        if (body.size() >= MAX_PACKET) {
            throw new GdbProtocolException("packet longer than " + MAX_PACKET + " bytes");
        }
        body.write(b);
    }
}
