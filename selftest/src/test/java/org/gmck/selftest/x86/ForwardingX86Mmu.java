package org.gmck.selftest.x86;

import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.X86Mmu;

/** Passes every call to another {@link X86Mmu}; a fault overrides the one it breaks. */
public class ForwardingX86Mmu implements X86Mmu {

    protected final X86Mmu real;

    public ForwardingX86Mmu(X86Mmu real) {
        this.real = real;
    }

    @Override
    public CpuModel cpuModel() {
        return real.cpuModel();
    }

    @Override
    public void writePhysical64(long physicalAddress, long value) {
        real.writePhysical64(physicalAddress, value);
    }

    @Override
    public long readPhysical64(long physicalAddress) {
        return real.readPhysical64(physicalAddress);
    }

    @Override
    public void writePhysical32(long physicalAddress, int value) {
        real.writePhysical32(physicalAddress, value);
    }

    @Override
    public int readPhysical32(long physicalAddress) {
        return real.readPhysical32(physicalAddress);
    }

    @Override
    public LoadOutcome loadControlRegisters(ControlRegisters registers) {
        return real.loadControlRegisters(registers);
    }

    @Override
    public void setRflags(long rflags) {
        real.setRflags(rflags);
    }

    @Override
    public void setPkru(int pkru) {
        real.setPkru(pkru);
    }

    @Override
    public void setPkrs(int pkrs) {
        real.setPkrs(pkrs);
    }

    @Override
    public AccessOutcome access(Access access) {
        return real.access(access);
    }
}
