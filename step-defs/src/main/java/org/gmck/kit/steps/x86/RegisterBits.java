package org.gmck.kit.steps.x86;

import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.X86Mmu;

/** Bits of CR0, CR4, EFER and RFLAGS named in a scenario. */
public record RegisterBits(long cr0, long cr4, long efer, long rflags) {

    static final long RFLAGS_AC = X86Mmu.RFLAGS_AC;

    static RegisterBits parse(String text) {
        long cr0 = 0;
        long cr4 = 0;
        long efer = 0;
        long rflags = 0;
        for (String name : text.split(", | and ")) {
            switch (name) {
                case "CR0.PE" -> cr0 |= ControlRegisters.CR0_PE;
                case "CR0.WP" -> cr0 |= ControlRegisters.CR0_WP;
                case "CR0.PG" -> cr0 |= ControlRegisters.CR0_PG;
                case "CR4.PSE" -> cr4 |= ControlRegisters.CR4_PSE;
                case "CR4.PAE" -> cr4 |= ControlRegisters.CR4_PAE;
                case "CR4.PGE" -> cr4 |= ControlRegisters.CR4_PGE;
                case "CR4.LA57" -> cr4 |= ControlRegisters.CR4_LA57;
                case "CR4.SMEP" -> cr4 |= ControlRegisters.CR4_SMEP;
                case "CR4.SMAP" -> cr4 |= ControlRegisters.CR4_SMAP;
                case "CR4.PKE" -> cr4 |= ControlRegisters.CR4_PKE;
                case "CR4.PKS" -> cr4 |= ControlRegisters.CR4_PKS;
                case "EFER.LME" -> efer |= ControlRegisters.EFER_LME;
                case "EFER.LMA" -> efer |= ControlRegisters.EFER_LMA;
                case "EFER.NXE" -> efer |= ControlRegisters.EFER_NXE;
                case "RFLAGS.AC" -> rflags |= RFLAGS_AC;
                default -> throw new IllegalArgumentException("unknown register bit " + name);
            }
        }
        return new RegisterBits(cr0, cr4, efer, rflags);
    }
}
