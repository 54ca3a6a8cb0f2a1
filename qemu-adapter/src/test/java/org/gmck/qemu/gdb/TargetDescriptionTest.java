package org.gmck.qemu.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetDescriptionTest {

    private static final String ROOT = "<?xml version=\"1.0\"?><target><architecture>i386:x86-64</architecture>"
            + "<xi:include href=\"core.xml\"/></target>";
    private static final String CORE = "<feature name=\"org.gnu.gdb.i386.core\">"
            + "<reg name=\"rax\" bitsize=\"64\"/><reg name=\"rbx\" bitsize=\"64\"/>"
            + "<!-- <reg name=\"ss_base\" bitsize=\"64\"/> -->"
            + "<reg name=\"fs_base\" bitsize=\"64\"/><reg name=\"cr0\" bitsize=\"64\" regnum=\"27\"/>"
            + "<reg name=\"cr2\" bitsize=\"64\"/></feature>";

    @Test
    void numbersRegistersInOrderSkippingComments() {
        TargetDescription d = TargetDescription.parse(ROOT, Map.of("core.xml", CORE)::get);
        assertEquals(new TargetDescription.Register(0, 64), d.require("rax"));
        assertEquals(new TargetDescription.Register(2, 64), d.require("fs_base"));
        assertTrue(d.register("ss_base").isEmpty());
    }

    @Test
    void honoursRegnumAndContinuesFromIt() {
        TargetDescription d = TargetDescription.parse(ROOT, Map.of("core.xml", CORE)::get);
        assertEquals(27, d.require("cr0").number());
        assertEquals(28, d.require("cr2").number());
    }

    @Test
    void aMissingRegisterIsAProtocolError() {
        TargetDescription d = TargetDescription.parse(ROOT, Map.of("core.xml", CORE)::get);
        assertThrows(GdbProtocolException.class, () -> d.require("efer"));
    }
}
