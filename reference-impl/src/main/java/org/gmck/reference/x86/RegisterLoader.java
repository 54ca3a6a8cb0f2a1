package org.gmck.reference.x86;

import static org.gmck.spi.x86.ControlRegisters.CR4_LA57;
import static org.gmck.spi.x86.ControlRegisters.CR4_PKE;
import static org.gmck.spi.x86.ControlRegisters.CR4_PKS;
import static org.gmck.spi.x86.ControlRegisters.CR4_SMAP;
import static org.gmck.spi.x86.ControlRegisters.CR4_SMEP;
import static org.gmck.spi.x86.ControlRegisters.EFER_LMA;
import static org.gmck.spi.x86.ControlRegisters.EFER_NXE;

import java.util.Optional;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.EntryField;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.GeneralProtection;
import org.gmck.spi.x86.GpReason;
import org.gmck.spi.x86.X86Arguments;
import org.gmck.spi.x86.X86PagingMode;

/**
 * MOV to CR0/CR3/CR4 and WRMSR to EFER as one load: consistency, #GP for bits the CPU model lacks, and the
 * PAE PDPTE registers, loaded now and checked now (SDM Vol. 3A, 2.5, 4.1, 4.4.1).
 */
final class RegisterLoader {

    /** CR4 bits that exist only with a CPU feature, each next to its feature in {@link #CR4_FEATURES}. */
    private static final long[] CR4_FEATURE_BITS = {CR4_LA57, CR4_SMEP, CR4_SMAP, CR4_PKE, CR4_PKS};

    private static final CpuFeature[] CR4_FEATURES = {
        CpuFeature.LA57, CpuFeature.SMEP, CpuFeature.SMAP, CpuFeature.PKU, CpuFeature.PKS
    };

    private final CpuModel cpu;
    private final GuestMemory memory;

    RegisterLoader(CpuModel cpu, GuestMemory memory) {
        this.cpu = cpu;
        this.memory = memory;
    }

    /** The new state, or the #GP that refuses it; throws for registers no CPU can hold. */
    Result load(ControlRegisters r, Optional<PagingState> previous) {
        X86Arguments.checkRegisters(r);
        Optional<GpReason> gp = reservedBit(r).or(() -> la57Change(r, previous));
        if (gp.isPresent()) {
            return new Result(null, new GeneralProtection(gp.get()));
        }
        if (r.pagingMode() != X86PagingMode.PAE) {
            return new Result(new PagingState(r, new long[4], 0), null);
        }
        X86Arguments.checkPdptesInGuestRam(r, memory.size());
        long pdpt = EntryField.PAE_PDPT_IN_CR3.of(r.cr3());
        long[] pdptes = new long[4];
        long reserved = EntryFormat.PDPTE_PAE.reservedMask(cpu.maxPhysAddr(), 32, false);
        for (int i = 0; i < 4; i++) {
            pdptes[i] = memory.read64(pdpt + 8L * i);
        }
        for (long pdpte : pdptes) {
            if (EntryFlag.PRESENT.isSetIn(pdpte) && (pdpte & reserved) != 0) {
                return new Result(null, new GeneralProtection(GpReason.BAD_PDPTE));
            }
        }
        return new Result(new PagingState(r, pdptes, pdpt), null);
    }

    private Optional<GpReason> reservedBit(ControlRegisters r) {
        for (int i = 0; i < CR4_FEATURE_BITS.length; i++) {
            if ((r.cr4() & CR4_FEATURE_BITS[i]) != 0 && !cpu.has(CR4_FEATURES[i])) {
                return Optional.of(GpReason.RESERVED_REGISTER_BIT);
            }
        }
        if ((r.efer() & EFER_NXE) != 0 && !cpu.has(CpuFeature.NX)) {
            return Optional.of(GpReason.RESERVED_REGISTER_BIT);
        }
        // Outside IA-32e mode the consistency check has kept CR3 within 32 bits, below every MAXPHYADDR, so
        // only an IA-32e CR3 can reach this bound.
        if ((r.cr3() >>> cpu.maxPhysAddr()) != 0) {
            return Optional.of(GpReason.RESERVED_REGISTER_BIT);
        }
        return Optional.empty();
    }

    private static Optional<GpReason> la57Change(ControlRegisters r, Optional<PagingState> previous) {
        boolean stays = previous.map(PagingState::ia32e).orElse(false) && (r.efer() & EFER_LMA) != 0;
        boolean changes =
                previous.map(p -> (p.registers().cr4() ^ r.cr4()) & CR4_LA57).orElse(0L) != 0;
        return stays && changes ? Optional.of(GpReason.LA57_CHANGE_IN_IA32E_MODE) : Optional.empty();
    }

    /** Either a new state or a #GP. */
    record Result(PagingState state, GeneralProtection fault) {}
}
