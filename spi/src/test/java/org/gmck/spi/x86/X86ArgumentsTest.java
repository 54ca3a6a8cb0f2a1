package org.gmck.spi.x86;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gmck.spi.common.RejectedException;
import org.gmck.spi.common.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class X86ArgumentsTest {

    private static final CpuModel CPU = CpuModel.of(40);
    private static final long RAM = 1L << 20;
    private static final ControlRegisters LEVEL4 = ControlRegisters.forMode(X86PagingMode.LEVEL4, 0x1000);
    private static final ControlRegisters PAE = ControlRegisters.forMode(X86PagingMode.PAE, 0x1000);

    private static void refused(Status status, Executable call) {
        assertEquals(status, assertThrows(RejectedException.class, call).status());
    }

    @Test
    void creationNeedsAPossibleCpuAndWholePagesOfRam() {
        assertDoesNotThrow(() -> X86Arguments.checkCreation(CPU, RAM));
        assertDoesNotThrow(() -> X86Arguments.checkCreation(CPU, 1L << 40));
        refused(X86Status.INVALID_CPU_MODEL, () -> X86Arguments.checkCreation(null, RAM));
        refused(X86Status.INVALID_CPU_MODEL, () -> X86Arguments.checkCreation(CpuModel.of(31), RAM));
        refused(X86Status.INVALID_CPU_MODEL, () -> X86Arguments.checkCreation(CpuModel.of(53), RAM));
        refused(X86Status.INVALID_GUEST_RAM, () -> X86Arguments.checkCreation(CPU, 0));
        refused(X86Status.INVALID_GUEST_RAM, () -> X86Arguments.checkCreation(CPU, RAM + 8));
        refused(X86Status.INVALID_GUEST_RAM, () -> X86Arguments.checkCreation(CPU, (1L << 40) + 4096));
    }

    @Test
    void physicalAccessesAreAlignedFirstThenInRam() {
        assertDoesNotThrow(() -> X86Arguments.checkPhysical(RAM - 8, 8, RAM));
        assertDoesNotThrow(() -> X86Arguments.checkPhysical(RAM - 4, 4, RAM));
        refused(X86Status.MISALIGNED_PHYSICAL_ACCESS, () -> X86Arguments.checkPhysical(4, 8, RAM));
        refused(X86Status.MISALIGNED_PHYSICAL_ACCESS, () -> X86Arguments.checkPhysical(RAM + 2, 4, RAM));
        refused(X86Status.OUTSIDE_GUEST_RAM, () -> X86Arguments.checkPhysical(RAM, 8, RAM));
        refused(X86Status.OUTSIDE_GUEST_RAM, () -> X86Arguments.checkPhysical(-8, 8, RAM));
    }

    @Test
    void registersMustBeModelledThenConsistent() {
        assertDoesNotThrow(() -> X86Arguments.checkRegisters(LEVEL4));
        refused(X86Status.INCONSISTENT_CONTROL_REGISTERS, () -> X86Arguments.checkRegisters(null));
        refused(X86Status.UNMODELLED_REGISTER_BIT, () -> X86Arguments.checkRegisters(LEVEL4.withCr4(1L << 17)));
        refused(
                X86Status.UNMODELLED_REGISTER_BIT,
                () -> X86Arguments.checkRegisters(new ControlRegisters(ControlRegisters.CR0_PG | 1L << 30, 0, 0, 0)));
        refused(
                X86Status.INCONSISTENT_CONTROL_REGISTERS,
                () -> X86Arguments.checkRegisters(new ControlRegisters(ControlRegisters.CR0_PG, 0, 0, 0)));
        refused(
                X86Status.INCONSISTENT_CONTROL_REGISTERS,
                () -> X86Arguments.checkRegisters(
                        new ControlRegisters(LEVEL4.cr0(), 0, LEVEL4.cr4(), ControlRegisters.EFER_LME)));
        refused(
                X86Status.INCONSISTENT_CONTROL_REGISTERS,
                () -> X86Arguments.checkRegisters(new ControlRegisters(LEVEL4.cr0(), 0, 0, LEVEL4.efer())));
        refused(X86Status.INCONSISTENT_CONTROL_REGISTERS, () -> X86Arguments.checkRegisters(PAE.withCr3(1L << 32)));
    }

    @Test
    void pdptesOfAPaeLoadMustLieInRam() {
        assertDoesNotThrow(() -> X86Arguments.checkPdptesInGuestRam(PAE.withCr3(RAM - 32), RAM));
        assertDoesNotThrow(() -> X86Arguments.checkPdptesInGuestRam(LEVEL4.withCr3(RAM), RAM));
        refused(X86Status.OUTSIDE_GUEST_RAM, () -> X86Arguments.checkPdptesInGuestRam(PAE.withCr3(RAM), RAM));
    }

    @Test
    void accessesNeedRegistersAndFitTheMode() {
        Access read = new Access(1L << 32, AccessKind.READ, Privilege.SUPERVISOR);
        assertDoesNotThrow(() -> X86Arguments.checkAccess(read, LEVEL4));
        refused(X86Status.NO_REGISTERS_LOADED, () -> X86Arguments.checkAccess(read, null));
        refused(X86Status.INVALID_ACCESS, () -> X86Arguments.checkAccess(null, LEVEL4));
        refused(
                X86Status.INVALID_ACCESS,
                () -> X86Arguments.checkAccess(new Access(0, AccessKind.FETCH, Privilege.IMPLICIT_SUPERVISOR), PAE));
        refused(X86Status.LINEAR_ADDRESS_TOO_WIDE, () -> X86Arguments.checkAccess(read, PAE));
    }
}
