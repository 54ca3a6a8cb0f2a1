package org.gmck.qemu.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Framing, checksums, escapes, run lengths and acknowledgements of the remote protocol, without QEMU. */
class RspCodecTest {

    private static List<Frame> decode(String wire) {
        byte[] b = wire.getBytes(StandardCharsets.ISO_8859_1);
        return new RspCodec().feed(b, 0, b.length);
    }

    @Test
    void encodesWithTheModulo256Checksum() {
        assertEquals("$OK#9a", new String(RspCodec.encode("OK"), StandardCharsets.ISO_8859_1));
        assertEquals("$p10#d1", new String(RspCodec.encode("p10"), StandardCharsets.ISO_8859_1));
    }

    @Test
    void escapesTheFourSpecialBytes() {
        String wire = new String(RspCodec.encode("a$b#c}d*"), StandardCharsets.ISO_8859_1);
        assertEquals("$a}\u0004b}\u0003c}]d}\n#", wire.substring(0, wire.length() - 2));
        assertEquals(List.of(new Frame.Packet("a$b#c}d*", false)), decode(wire));
    }

    @Test
    void decodesAcksPacketsAndNotifications() {
        List<Frame> frames = decode("+$OK#9a-%Stop:T05#"
                + String.format("%02x", RspCodec.checksum("Stop:T05".getBytes(StandardCharsets.ISO_8859_1))));
        assertEquals(
                List.of(
                        new Frame.Ack(),
                        new Frame.Packet("OK", false),
                        new Frame.Nak(),
                        new Frame.Packet("Stop:T05", true)),
                frames);
    }

    @Test
    void expandsRunLengths() {
        // "0* " is '0' plus 3 more: 0000; the checksum covers the bytes as sent.
        String body = "0* 1";
        String wire =
                "$" + body + "#" + String.format("%02x", RspCodec.checksum(body.getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(List.of(new Frame.Packet("00001", false)), decode(wire));
    }

    @Test
    void acceptsAPacketSplitAcrossReads() {
        RspCodec codec = new RspCodec();
        byte[] wire = RspCodec.encode("T05thread:01;");
        assertTrue(codec.feed(wire, 0, 5).isEmpty());
        assertEquals(List.of(new Frame.Packet("T05thread:01;", false)), codec.feed(wire, 5, wire.length - 5));
    }

    @Test
    void rejectsABadChecksum() {
        GdbProtocolException e = assertThrows(GdbProtocolException.class, () -> decode("$OK#00"));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void rejectsGarbageBetweenPackets() {
        assertThrows(GdbProtocolException.class, () -> decode("hello"));
    }

    @Test
    void rejectsANonHexChecksum() {
        assertThrows(GdbProtocolException.class, () -> decode("$OK#zz"));
    }
}
