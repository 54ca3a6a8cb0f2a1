package org.gmck.engine;

import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.GeneralProtection;
import org.gmck.spi.x86.GpReason;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.X86Arguments;
import org.gmck.spi.x86.X86Mmu;

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
}
