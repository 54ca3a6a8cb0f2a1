package org.gmck.qemu.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StopReplyTest {

    @Test
    void parsesTheStepReplyWithItsInfo() {
        assertEquals(new StopReply.Signal(5, Map.of("thread", "01")), StopReply.parse("T05thread:01;"));
    }

    @Test
    void parsesSignalExitAndTermination() {
        assertEquals(new StopReply.Signal(3, Map.of()), StopReply.parse("S03"));
        assertEquals(new StopReply.Exited(0), StopReply.parse("W00"));
        assertEquals(new StopReply.Terminated(9), StopReply.parse("X09"));
    }

    @Test
    void rejectsAnythingElse() {
        assertThrows(GdbProtocolException.class, () -> StopReply.parse("OK"));
        assertThrows(GdbProtocolException.class, () -> StopReply.parse("E01"));
        assertThrows(GdbProtocolException.class, () -> StopReply.parse("T05thread"));
    }
}
