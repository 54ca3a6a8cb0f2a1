package org.gmck.bochs.machine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The assembled guest code matches the offsets {@link Harness} pins (no Bochs needed). */
class HarnessImageTest {

    private static final byte[] XCHG_BX_BX = {0x66, (byte) 0x87, (byte) 0xDB};
    private static final byte[] MOV_CR3 = {0x0F, 0x22, (byte) 0xD8};

    private static byte[] at(byte[] code, int offset, int length) {
        return Arrays.copyOfRange(code, offset, offset + length);
    }

    @Test
    void stopsFollowTheMagicBreakpoints() {
        byte[] code = Harness.code();
        assertEquals(0x1000, code.length);
        assertArrayEquals(XCHG_BX_BX, at(code, Harness.HOME_STOP - 3, 3));
        assertArrayEquals(XCHG_BX_BX, at(code, Harness.OUTCOME_STOP_64 - 3, 3));
        assertArrayEquals(XCHG_BX_BX, at(code, Harness.OUTCOME_STOP_32 - 3, 3));
        assertArrayEquals(XCHG_BX_BX, at(code, Harness.BATCH_STOP - 3, 3));
    }

    @Test
    void cr3LoadsAreWhereTheMachineLooksForThem() {
        byte[] code = Harness.code();
        assertArrayEquals(MOV_CR3, at(code, Harness.CR3_LOAD_64, 3));
        assertArrayEquals(MOV_CR3, at(code, Harness.CR3_LOAD_32, 3));
    }

    @Test
    void accessStubsAndHandlers() {
        byte[] code = Harness.code();
        assertArrayEquals(new byte[] {(byte) 0x8A, 0x03, 0x0F, 0x0B}, at(code, Harness.READ, 4));
        assertArrayEquals(new byte[] {(byte) 0x88, 0x03, 0x0F, 0x0B}, at(code, Harness.WRITE, 4));
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xE3}, at(code, Harness.FETCH, 2));
        for (int v = 0; v < 32; v++) {
            assertArrayEquals(new byte[] {0x6A, (byte) v}, at(code, Harness.HANDLERS_64 + 8 * v, 2));
            assertArrayEquals(new byte[] {0x6A, (byte) v}, at(code, Harness.HANDLERS_32 + 8 * v, 2));
        }
    }

    @Test
    void bootSectorIsBootable() {
        byte[] boot = Harness.bootSector();
        assertEquals(512, boot.length);
        assertArrayEquals(new byte[] {0x55, (byte) 0xAA}, at(boot, 510, 2));
    }
}
