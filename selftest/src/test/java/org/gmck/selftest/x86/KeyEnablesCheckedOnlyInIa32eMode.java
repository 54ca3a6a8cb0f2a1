package org.gmck.selftest.x86;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.X86Mmu;

/**
 * Checks CR4.PKE and CR4.PKS against the CPU model only when the load enters IA-32e mode, the only mode in
 * which protection keys do anything: on a CPU without PKU or PKS, a 32-bit, PAE or unpaged load with the
 * bit set is accepted (and the bit dropped) instead of raising #GP(0).
 */
@Breaks("X86-MODE-4")
public final class KeyEnablesCheckedOnlyInIa32eMode extends KnownBad {

    X86Mmu newX86Mmu(X86Mmu reference) {
        return new ForwardingX86Mmu(reference) {
            @Override
            public LoadOutcome loadControlRegisters(ControlRegisters r) {
                if ((r.efer() & ControlRegisters.EFER_LMA) != 0) {
                    return real.loadControlRegisters(r);
                }
                long drop = (real.cpuModel().has(CpuFeature.PKU) ? 0 : ControlRegisters.CR4_PKE)
                        | (real.cpuModel().has(CpuFeature.PKS) ? 0 : ControlRegisters.CR4_PKS);
                return real.loadControlRegisters(new ControlRegisters(r.cr0(), r.cr3(), r.cr4() & ~drop, r.efer()));
            }
        };
    }
}
