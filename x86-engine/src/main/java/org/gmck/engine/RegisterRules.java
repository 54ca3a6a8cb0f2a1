package org.gmck.engine;

import java.util.Map;
import java.util.Optional;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.GpReason;

/**
 * The SPI's contract for a control-register load, applied by the adapter itself once the SPI's argument
 * checks have refused registers no CPU can hold: #GP for bits of features the CPU model (and so the engine's
 * CPU) lacks, CR3 above MAXPHYADDR in IA-32e mode, and a change of CR4.LA57 within IA-32e mode. An engine's
 * harness loads the test's registers without these checks (QEMU's gdbstub writes them as given; Bochs's guest
 * code loads them once the adapter has checked them), so a load that must #GP is answered here and never
 * asked of the engine.
 */
public final class RegisterRules {

    private static final Map<Long, CpuFeature> CR4_FEATURES = Map.of(
            ControlRegisters.CR4_LA57,
            CpuFeature.LA57,
            ControlRegisters.CR4_SMEP,
            CpuFeature.SMEP,
            ControlRegisters.CR4_SMAP,
            CpuFeature.SMAP,
            ControlRegisters.CR4_PKE,
            CpuFeature.PKU,
            ControlRegisters.CR4_PKS,
            CpuFeature.PKS);

    private final CpuModel cpu;

    /** The rules for an engine that stands for {@code cpu}. */
    public RegisterRules(CpuModel cpu) {
        this.cpu = cpu;
    }

    /**
     * The #GP the load raises, if any, for registers {@link org.gmck.spi.x86.X86Arguments#checkRegisters} has
     * passed.
     */
    public Optional<GpReason> check(ControlRegisters r, Optional<ControlRegisters> previous) {
        boolean lma = r.lma();
        for (Map.Entry<Long, CpuFeature> e : CR4_FEATURES.entrySet()) {
            if ((r.cr4() & e.getKey()) != 0 && !cpu.has(e.getValue())) {
                return Optional.of(GpReason.RESERVED_REGISTER_BIT);
            }
        }
        if ((r.efer() & ControlRegisters.EFER_NXE) != 0 && !cpu.has(CpuFeature.NX)) {
            return Optional.of(GpReason.RESERVED_REGISTER_BIT);
        }
        if (lma && r.cr3() >>> cpu.maxPhysAddr() != 0) {
            return Optional.of(GpReason.RESERVED_REGISTER_BIT);
        }
        boolean stays = previous.map(ControlRegisters::lma).orElse(false) && lma;
        boolean changes = previous.map(p -> (p.cr4() ^ r.cr4()) & ControlRegisters.CR4_LA57)
                        .orElse(0L)
                != 0;
        return stays && changes ? Optional.of(GpReason.LA57_CHANGE_IN_IA32E_MODE) : Optional.empty();
    }
}
