package org.gmck.qemu.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The connection against a scripted peer on a pipe: pipelining, acks, monitor output, failures. */
class GdbConnectionTest {

    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final PipedOutputStream peer = new PipedOutputStream();
    private final GdbConnection connection;

    GdbConnectionTest() throws IOException {
        connection = new GdbConnection(new PipedInputStream(peer, 1 << 16), sent, "scripted peer");
    }

    private void peerSends(String... payloads) throws IOException {
        for (String p : payloads) {
            peer.write('+');
            peer.write(RspCodec.encode(p));
        }
        peer.flush();
    }

    private String wire() {
        return sent.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void pipelinesABatchInOneWriteAndReturnsRepliesInOrder() throws IOException {
        peerSends("OK", "0100000000000000", "T05thread:01;");
        GdbBatch b = new GdbBatch();
        b.writeRegister(0x1d, 0x1000, 8);
        Slot<Long> rip = b.readRegister(0x10);
        Slot<StopReply> stop = b.step();
        b.run(connection, Duration.ofSeconds(5));
        assertEquals(1L, rip.get());
        assertEquals(new StopReply.Signal(5, java.util.Map.of("thread", "01")), stop.get());
        assertEquals(
                "$P1d=0010000000000000#"
                        + String.format(
                                "%02x", RspCodec.checksum("P1d=0010000000000000".getBytes(StandardCharsets.ISO_8859_1)))
                        + "$p10#d1$s#73",
                wire());
    }

    @Test
    void acknowledgesRepliesAtTheStartOfTheNextWrite() throws IOException {
        peerSends("OK");
        connection.ask("Qqemu.PhyMemMode:1", Duration.ofSeconds(5));
        sent.reset();
        peerSends("OK");
        connection.ask("Qqemu.PhyMemMode:0", Duration.ofSeconds(5));
        assertTrue(wire().startsWith("+$Qqemu"), wire());
    }

    @Test
    void collectsMonitorOutputUntilOk() throws IOException {
        peerSends("O" + Hex.of("gpa: 0x1234\n".getBytes(StandardCharsets.ISO_8859_1)), "OK");
        GdbBatch b = new GdbBatch();
        Slot<String> out = b.monitor("gva2gpa 0x1234");
        b.run(connection, Duration.ofSeconds(5));
        assertEquals("gpa: 0x1234\n", out.get());
    }

    @Test
    void aRefusedWriteNamesThePacket() throws IOException {
        peerSends("E14");
        GdbBatch b = new GdbBatch();
        b.writeRegister(0x1c, 0, 8);
        GdbProtocolException e =
                assertThrows(GdbProtocolException.class, () -> b.run(connection, Duration.ofSeconds(5)));
        assertTrue(e.getMessage().contains("E14") && e.getMessage().contains("P1c="), e.getMessage());
    }

    @Test
    void silenceIsATimeoutAndBreaksTheConnection() {
        GdbBatch b = new GdbBatch();
        b.step();
        assertThrows(GdbTimeoutException.class, () -> b.run(connection, Duration.ofMillis(100)));
        assertTrue(connection.isBroken());
        assertThrows(GdbProtocolException.class, () -> connection.ask("?", Duration.ofSeconds(1)));
    }

    @Test
    void aClosedStreamIsReportedAsSuch() throws IOException {
        peer.close();
        assertThrows(GdbConnectionClosedException.class, () -> connection.ask("?", Duration.ofSeconds(5)));
    }

    @Test
    void garbageIsAProtocolError() throws IOException {
        peer.write("$OK#00".getBytes(StandardCharsets.ISO_8859_1));
        peer.flush();
        GdbProtocolException e =
                assertThrows(GdbProtocolException.class, () -> connection.ask("?", Duration.ofSeconds(5)));
        assertTrue(e.getMessage().contains("garbage"), e.getMessage());
    }

    @Test
    void nothingMayFollowAStep() {
        GdbBatch b = new GdbBatch();
        b.step();
        assertThrows(IllegalStateException.class, () -> b.readRegister(0));
        assertThrows(
                IllegalArgumentException.class,
                () -> connection.exchange(
                        List.of(new Request("s", Request.Kind.RESUME), Request.single("?")), Duration.ofSeconds(1)));
    }
}
