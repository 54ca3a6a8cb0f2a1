package org.gmck.spi.pgm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gmck.spi.common.RejectedException;
import org.gmck.spi.common.Status;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.X86PagingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ModeArgumentsTest {

    private static void refused(Status status, Executable call) {
        assertEquals(status, assertThrows(RejectedException.class, call).status());
    }

    @Test
    void noModeAndTheInvalidModeAreRefused() {
        assertEquals(PagingMode.PAE, ModeArguments.requireMode(PagingMode.PAE, "host"));
        refused(ModeStatus.INVALID_MODE, () -> ModeArguments.requireMode(null, "host"));
        refused(ModeStatus.INVALID_MODE, () -> ModeArguments.requireMode(PagingMode.INVALID, "host"));
        refused(ModeStatus.INVALID_MODE, () -> ModeArguments.requireGuestMode(GuestMode.INVALID));
        refused(ModeStatus.INVALID_MODE, () -> ModeArguments.requirePagingGuest(null));
        refused(ModeStatus.NOT_IN_THIS_MODE, () -> ModeArguments.requirePagingGuest(GuestMode.PROTECTED));
        assertEquals(GuestMode.AMD64_NX, ModeArguments.requirePagingGuest(GuestMode.AMD64_NX));
    }

    @Test
    void registersMustDescribeAPossibleState() {
        long pepg = ControlRegisters.CR0_PE | ControlRegisters.CR0_PG;
        ModeArguments.requireConsistent(ControlRegisters.of(pepg, 0, 0));
        refused(ModeStatus.INCONSISTENT_CONTROL_REGISTERS, () -> ModeArguments.requireConsistent(null));
        refused(
                ModeStatus.INCONSISTENT_CONTROL_REGISTERS,
                () -> ModeArguments.requireConsistent(ControlRegisters.of(ControlRegisters.CR0_PG, 0, 0)));
        refused(
                ModeStatus.INCONSISTENT_CONTROL_REGISTERS,
                () -> ModeArguments.requireConsistent(
                        ControlRegisters.of(pepg, 0, ControlRegisters.EFER_LME | ControlRegisters.EFER_LMA)));
        refused(
                ModeStatus.INCONSISTENT_CONTROL_REGISTERS,
                () -> ModeArguments.requireConsistent(
                        ControlRegisters.of(pepg, ControlRegisters.CR4_PAE, ControlRegisters.EFER_LME)));
    }

    @Test
    void topTablesAreAlignedThenInRange() {
        assertEquals(0x20L, ModeArguments.requireTopTable(PagingMode.PAE, 0x20));
        assertEquals(1L << 40, ModeArguments.requireTopTable(PagingMode.AMD64, 1L << 40));
        refused(ModeStatus.INVALID_MODE, () -> ModeArguments.requireTopTable(PagingMode.INVALID, 0));
        refused(ModeStatus.MISALIGNED_CR3, () -> ModeArguments.requireTopTable(PagingMode.BITS32, 0x20));
        refused(ModeStatus.MISALIGNED_CR3, () -> ModeArguments.requireTopTable(PagingMode.PAE, 0x10));
        refused(ModeStatus.CR3_OUT_OF_RANGE, () -> ModeArguments.requireTopTable(PagingMode.PAE, 1L << 32));
        refused(ModeStatus.CR3_OUT_OF_RANGE, () -> ModeArguments.requireTopTable(PagingMode.AMD64, 1L << 52));
        refused(ModeStatus.CR3_OUT_OF_RANGE, () -> ModeArguments.requireTopTable(PagingMode.AMD64, -4096));
    }

    @Test
    void pgmModesAreX86Modes() {
        assertEquals(X86PagingMode.BITS32, PagingMode.BITS32.x86Mode());
        assertEquals(X86PagingMode.LEVEL4, PagingMode.AMD64.x86Mode());
        assertEquals(3, GuestMode.PAE_NX.levels().size());
        assertEquals(0, GuestMode.REAL.levels().size());
    }
}
