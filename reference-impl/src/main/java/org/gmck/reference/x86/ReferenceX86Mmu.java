package org.gmck.reference.x86;

import java.util.Optional;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.X86Arguments;
import org.gmck.spi.x86.X86Mmu;

/** The reference x86 MMU: guest RAM, the loaded registers, and the walker. */
public final class ReferenceX86Mmu implements X86Mmu {

    private final CpuModel cpu;
    private final GuestMemory memory;
    private final RegisterLoader loader;
    private final Walker walker;
    private Optional<PagingState> state = Optional.empty();
    private boolean ac;
    private int pkru;
    private int pkrs;

    private ReferenceX86Mmu(CpuModel cpu, long guestRamBytes) {
        this.cpu = cpu;
        this.memory = new GuestMemory(guestRamBytes);
        this.loader = new RegisterLoader(cpu, memory);
        this.walker = new Walker(cpu, memory);
    }

    /** A fresh MMU; refuses an impossible CPU model or RAM size. */
    public static ReferenceX86Mmu create(CpuModel cpu, long guestRamBytes) {
        X86Arguments.checkCreation(cpu, guestRamBytes);
        return new ReferenceX86Mmu(cpu, guestRamBytes);
    }

    @Override
    public CpuModel cpuModel() {
        return cpu;
    }

    @Override
    public void writePhysical64(long physicalAddress, long value) {
        memory.write64(physicalAddress, value);
    }

    @Override
    public long readPhysical64(long physicalAddress) {
        return memory.read64(physicalAddress);
    }

    @Override
    public void writePhysical32(long physicalAddress, int value) {
        memory.write32(physicalAddress, value);
    }

    @Override
    public int readPhysical32(long physicalAddress) {
        return memory.read32(physicalAddress);
    }

    /**
     * The 512 quadwords of the 4 KiB page of RAM holding {@code physicalAddress}, which the caller keeps within
     * RAM: this MMU's own storage, added
     * all zero if the page was never written. A caller that owns a page of this RAM, as a monitor owns the host
     * pages of its shadow tables, reads and writes its entries there directly, and every walk sees each write at
     * once, as every later read of the array sees the A and D flags walks set.
     */
    public long[] ramPage(long physicalAddress) {
        return memory.page(physicalAddress);
    }

    @Override
    public LoadOutcome loadControlRegisters(ControlRegisters registers) {
        RegisterLoader.Result result = loader.load(registers, state);
        if (result.fault() != null) {
            return result.fault();
        }
        state = Optional.of(result.state());
        return new Loaded(registers.pagingMode());
    }

    @Override
    public void setRflags(long rflags) {
        ac = (rflags & RFLAGS_AC) != 0;
    }

    @Override
    public void setPkru(int value) {
        pkru = value;
    }

    @Override
    public void setPkrs(int value) {
        pkrs = value;
    }

    @Override
    public AccessOutcome access(Access access) {
        PagingState current = checked(access);
        return walker.walk(access, current, ac, pkru, pkrs);
    }

    /**
     * Whether {@link #access} would translate: the same checks and the same walk, with the same A and D flags
     * set, but no outcome built, for a caller that needs only the answer (a monitor resuming an access on its
     * shadow tables).
     */
    public boolean translates(Access access) {
        PagingState current = checked(access);
        return walker.translates(access, current, ac, pkru, pkrs);
    }

    /**
     * {@link #access}, the same checks and the same walk with the same A and D flags set, with what the walk found
     * written into {@code into} instead of an outcome: for a caller that walks on every fault and keeps one trace.
     *
     * @return how the walk ended
     */
    public WalkTrace.Ending walk(Access access, WalkTrace into) {
        PagingState current = checked(access);
        walker.walk(access, current, ac, pkru, pkrs, into);
        return into.ending();
    }

    private PagingState checked(Access access) {
        PagingState current = state.orElse(null);
        X86Arguments.checkAccess(access, current == null ? null : current.registers());
        return current;
    }
}
