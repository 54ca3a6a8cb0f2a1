package org.gmck.qemu.gdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HexTest {

    @Test
    void registersAreLittleEndian() {
        assertEquals("1100000000000080", Hex.littleEndian(0x8000_0000_0000_0011L, 8));
        assertEquals("78563412", Hex.littleEndian(0x12345678L, 4));
        assertEquals(0x8000_0000_0000_0011L, Hex.fromLittleEndian("1100000000000080"));
        assertEquals(0x12345678L, Hex.fromLittleEndian("78563412"));
    }

    @Test
    void wideRegistersGiveTheirLowEightBytes() {
        assertEquals(0x0807060504030201L, Hex.fromLittleEndian("0102030405060708090a"));
    }

    @Test
    void bytesRoundTrip() {
        byte[] b = {0, 1, (byte) 0xAB, (byte) 0xFF};
        assertEquals("0001abff", Hex.of(b));
        assertArrayEquals(b, Hex.bytes("0001ABff"));
    }

    @Test
    void rejectsMalformedHex() {
        assertThrows(GdbProtocolException.class, () -> Hex.bytes("abc"));
        assertThrows(GdbProtocolException.class, () -> Hex.bytes("zz"));
        assertThrows(GdbProtocolException.class, () -> Hex.bytes("0g"));
        assertThrows(GdbProtocolException.class, () -> Hex.bytes("/:"));
        assertThrows(
                GdbProtocolException.class, () -> Hex.bytes("\u0661\u0662"), "digits of other scripts are not hex");
        assertThrows(GdbProtocolException.class, () -> Hex.number(""));
        assertThrows(GdbProtocolException.class, () -> Hex.number("12345678901234567"));
    }
}
