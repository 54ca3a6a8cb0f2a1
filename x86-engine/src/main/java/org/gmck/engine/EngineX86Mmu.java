package org.gmck.engine;

import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.GeneralProtection;
import org.gmck.spi.x86.GpReason;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.X86Arguments;
import org.gmck.spi.x86.X86Mmu;
import org.gmck.spi.x86.X86PagingMode;

/**
 * What an {@link X86Mmu} on a real engine keeps on the host between accesses, the same for every engine: guest
 * RAM as 8-byte words (zero where never written), the loaded control registers, RFLAGS.AC, PKRU and IA32_PKRS.
 * A register load is checked by the SPI's argument rules and answered with #GP by {@link RegisterRules}, never
 * asked of the engine; only {@link #access} goes to it, with the state kept here.
 */
public abstract class EngineX86Mmu implements X86Mmu {

    private final CpuModel cpu;
    private final long ram;
    private final SortedMap<Long, Long> memory = new TreeMap<>();
    private final RegisterRules rules;
    private Optional<ControlRegisters> registers = Optional.empty();
    private boolean ac;
    private int pkru;
    private int pkrs;

    /** An MMU standing for {@code cpu} with {@code ram} bytes of guest RAM (checked by the caller). */
    protected EngineX86Mmu(CpuModel cpu, long ram) {
        this.cpu = cpu;
        this.ram = ram;
        this.rules = new RegisterRules(cpu);
    }

    @Override
    public CpuModel cpuModel() {
        return cpu;
    }

    /** Bytes of guest RAM. */
    protected long ram() {
        return ram;
    }

    /** Guest memory as 8-byte words by 8-aligned address; the subclass writes the engine's A/D updates back. */
    protected SortedMap<Long, Long> memory() {
        return memory;
    }

    /** The registers of the last load that did not #GP, if any. */
    protected Optional<ControlRegisters> registers() {
        return registers;
    }

    /** RFLAGS.AC as last set. */
    protected boolean ac() {
        return ac;
    }

    /** PKRU as last set. */
    protected int pkru() {
        return pkru;
    }

    /** IA32_PKRS as last set. */
    protected int pkrs() {
        return pkrs;
    }

    private void check(long address, int width) {
        X86Arguments.checkPhysical(address, width, ram);
    }

    @Override
    public void writePhysical64(long physicalAddress, long value) {
        check(physicalAddress, 8);
        memory.put(physicalAddress, value);
    }

    @Override
    public long readPhysical64(long physicalAddress) {
        check(physicalAddress, 8);
        return memory.getOrDefault(physicalAddress, 0L);
    }

    @Override
    public void writePhysical32(long physicalAddress, int value) {
        check(physicalAddress, 4);
        long word = memory.getOrDefault(physicalAddress & ~7L, 0L);
        int shift = (int) (physicalAddress & 4) * 8;
        memory.put(physicalAddress & ~7L, word & ~(0xFFFF_FFFFL << shift) | Integer.toUnsignedLong(value) << shift);
    }

    @Override
    public int readPhysical32(long physicalAddress) {
        check(physicalAddress, 4);
        return (int) (memory.getOrDefault(physicalAddress & ~7L, 0L) >>> ((physicalAddress & 4) * 8));
    }

    @Override
    public LoadOutcome loadControlRegisters(ControlRegisters r) {
        X86Arguments.checkRegisters(r);
        Optional<GpReason> gp = rules.check(r, registers);
        if (gp.isPresent()) {
            return new GeneralProtection(gp.get());
        }
        X86Arguments.checkPdptesInGuestRam(r, ram);
        registers = Optional.of(r);
        return new Loaded(r.pagingMode());
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

    /**
     * The question an access puts to the engine: the access at its privilege (CPL 3 for a user access, else 0)
     * and kind, under the loaded registers, RFLAGS.AC, PKRU and IA32_PKRS, over {@code image}.
     */
    protected MachineQuery accessQuery(ControlRegisters r, Access access, SortedMap<Long, Long> image) {
        return query(
                r,
                access.privilege() == Privilege.USER ? 3 : 0,
                kind(access),
                access.linearAddress(),
                r.cr4(),
                r.cr0(),
                ac(),
                image);
    }

    /**
     * A question under the registers {@code r} with CR4 and CR0 as given (a rights probe changes WP or SMEP),
     * RFLAGS.AC as given, and the MMU's PKRU and IA32_PKRS.
     */
    protected MachineQuery query(
            ControlRegisters r,
            int cpl,
            AccessKind kind,
            long linear,
            long cr4,
            long cr0,
            boolean acFlag,
            SortedMap<Long, Long> image) {
        boolean pke = (cr4 & ControlRegisters.CR4_PKE) != 0;
        boolean pks = (cr4 & ControlRegisters.CR4_PKS) != 0;
        return new MachineQuery(
                machineMode(r.pagingMode()),
                r.cr3(),
                (cr0 & ControlRegisters.CR0_WP) != 0,
                (cr4 & ControlRegisters.CR4_PSE) != 0,
                r.nxe(),
                (cr4 & ControlRegisters.CR4_SMEP) != 0,
                (cr4 & ControlRegisters.CR4_SMAP) != 0,
                pke,
                pkru(),
                pks,
                pkrs(),
                acFlag,
                cpl,
                kind,
                linear,
                image);
    }

    /** The engine's name for a paging mode; never asked without paging. */
    protected static PagingMode machineMode(X86PagingMode mode) {
        return switch (mode) {
            case BITS32 -> PagingMode.BITS32;
            case PAE -> PagingMode.PAE;
            case LEVEL4 -> PagingMode.LEVEL4;
            case LEVEL5 -> PagingMode.LEVEL5;
            case NONE -> throw new IllegalArgumentException("no paging");
        };
    }

    /** The engine's kind of access: an implicit supervisor access is a read of its own kind. */
    protected static AccessKind kind(Access access) {
        if (access.privilege() == Privilege.IMPLICIT_SUPERVISOR) {
            return AccessKind.IMPLICIT_READ;
        }
        return switch (access.kind()) {
            case READ -> AccessKind.READ;
            case WRITE -> AccessKind.WRITE;
            case FETCH -> AccessKind.FETCH;
        };
    }
}
