package org.gmck.reference.x86;

import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.X86PagingMode;

/**
 * The registers in force after a successful load, with what follows from them.
 *
 * @param registers   CR0, CR3, CR4 and EFER
 * @param pdptes      the four PAE PDPTE registers (all zero outside PAE paging)
 * @param pdptAddress where the PDPTE registers were loaded from
 */
record PagingState(ControlRegisters registers, long[] pdptes, long pdptAddress) {

    X86PagingMode mode() {
        return registers.pagingMode();
    }

    boolean cr4(long bit) {
        return registers.cr4(bit);
    }

    boolean wp() {
        return registers.wp();
    }

    boolean ia32e() {
        return registers.lma();
    }

    /** EFER.NXE counts only in PAE, 4-level and 5-level paging (SDM 4.1.3). */
    boolean nxeActive() {
        return registers.pae() && registers.nxe();
    }

    /** M' of PSE-36: min(40, MAXPHYADDR) on a CPU with PSE-36, else 32 (SDM 4.3). */
    static int pse36Width(CpuModel cpu) {
        return cpu.has(CpuFeature.PSE36) ? Math.min(40, cpu.maxPhysAddr()) : 32;
    }
}
