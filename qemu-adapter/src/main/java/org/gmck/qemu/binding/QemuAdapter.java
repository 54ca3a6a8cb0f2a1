package org.gmck.qemu.binding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.gmck.qemu.process.QemuInstallation;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.X86Mmu;

/**
 * QEMU's x86 MMU (TCG) behind the SPI, selected with {@code -Dconformance.adapter=qemu}. Every access is
 * single-stepped on a real QEMU vCPU driven through its gdbstub.
 *
 * <p>It declares {@code x86-paging} only. The PAE PDPTE-register rules ({@code x86-pdpte-registers}) cannot
 * be asked: every query reloads CR3, and QEMU 7.2 re-reads the PDPTEs from memory on each walk anyway.
 */
public final class QemuAdapter implements ConformanceAdapter {

    @Override
    public String name() {
        return "qemu";
    }

    @Override
    public String version() {
        return QemuVersion.describe();
    }

    @Override
    public Set<Profile> profiles() {
        return Set.of(Profile.X86_PAGING);
    }

    /** Recorded in certification reports: which binary ran and how. */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("binary", QemuInstallation.find().map(Object::toString).orElse("not installed"));
        p.put("accelerator", "tcg, one vCPU per worker, -cpu max with phys-bits and features from the CPU model");
        p.put("oracle", "one real load, store or fetch single-stepped per access through the gdbstub");
        return p;
    }

    @Override
    public X86Mmu newX86Mmu(CpuModel model, long guestRamBytes) {
        return QemuX86Mmu.create(model, guestRamBytes);
    }
}
