package org.gmck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Optional;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.GpReason;
import org.junit.jupiter.api.Test;

/** The register loads an adapter answers with #GP itself, without asking its engine. */
class RegisterRulesTest {

    private static final long CR0 = 0x8000_0001L;
    private static final long EFER_LONG = ControlRegisters.EFER_LME | ControlRegisters.EFER_LMA;
    private static final long CR4_PAE = 0x20;

    private static final RegisterRules WITHOUT_SMEP =
            new RegisterRules(new CpuModel(40, EnumSet.of(CpuFeature.NX, CpuFeature.LA57)));

    @Test
    void aCr4BitOfAFeatureTheCpuLacksIsRefused() {
        ControlRegisters r = new ControlRegisters(CR0, 0x1000, CR4_PAE | ControlRegisters.CR4_SMEP, EFER_LONG);
        assertEquals(Optional.of(GpReason.RESERVED_REGISTER_BIT), WITHOUT_SMEP.check(r, Optional.empty()));
    }

    @Test
    void cr3AboveMaxPhysAddrInIa32eModeIsRefused() {
        ControlRegisters r = new ControlRegisters(CR0, 1L << 40, CR4_PAE, EFER_LONG);
        assertEquals(Optional.of(GpReason.RESERVED_REGISTER_BIT), WITHOUT_SMEP.check(r, Optional.empty()));
        ControlRegisters below = new ControlRegisters(CR0, (1L << 40) - 0x1000, CR4_PAE, EFER_LONG);
        assertEquals(Optional.empty(), WITHOUT_SMEP.check(below, Optional.empty()));
    }

    @Test
    void changingLa57WithinIa32eModeIsRefusedButEnteringWithItIsNot() {
        ControlRegisters four = new ControlRegisters(CR0, 0x1000, CR4_PAE, EFER_LONG);
        ControlRegisters five = new ControlRegisters(CR0, 0x1000, CR4_PAE | ControlRegisters.CR4_LA57, EFER_LONG);
        assertEquals(Optional.of(GpReason.LA57_CHANGE_IN_IA32E_MODE), WITHOUT_SMEP.check(five, Optional.of(four)));
        assertEquals(Optional.empty(), WITHOUT_SMEP.check(five, Optional.empty()));
    }
}
