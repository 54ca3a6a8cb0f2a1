package org.gmck.bochs.binding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.gmck.bochs.process.BochsInstallation;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.X86Mmu;

/**
 * The x86 MMU of Bochs 2.7 behind the SPI, selected with {@code -Dconformance.adapter=bochs}. Every access
 * is made by guest code on a Bochs CPU driven through Bochs's internal debugger.
 *
 * <p>It declares {@code x86-paging} only. The PAE PDPTE-register rules ({@code x86-pdpte-registers}) cannot
 * be asked: every query loads CR3 afresh from the harness. Bochs's CPU is fixed (see {@link #parameters()}):
 * 5-level paging, PKS and, where it matters, another MAXPHYADDR are not askable.
 */
public final class BochsAdapter implements ConformanceAdapter {

    @Override
    public String name() {
        return "bochs";
    }

    @Override
    public String version() {
        return BochsVersion.describe();
    }

    @Override
    public Set<Profile> profiles() {
        return Set.of(Profile.X86_PAGING);
    }

    /** Recorded in certification reports: which binary ran and how. */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("binary", BochsInstallation.find().map(Object::toString).orElse("not installed"));
        p.put(
                "cpu",
                "cpu: model=" + BochsCpu.MODEL + " (CPUID: " + BochsCpu.FEATURES + ", MAXPHYADDR "
                        + BochsCpu.MAX_PHYS_ADDR + ", no LA57, no PKS), one CPU per worker, 1024 MiB of guest RAM");
        p.put(
                "oracle",
                "one real load, store, fetch or descriptor load per access, made by guest code that the debugger "
                        + "starts and stops at magic breakpoints (xchg bx,bx)");
        p.put(
                "not askable",
                "5-level paging, CR4.PKS, a MAXPHYADDR other than 40 when a present entry holds a bit between "
                        + "it and 40, CPU models without 1 GB pages (4-level) or PSE-36 (32-bit with CR4.PSE), "
                        + "implicit supervisor writes, a PKRU that denies every key, memory at or above 0x3f800000 "
                        + "or in 0xa0000-0xfffff, the PDPTE registers");
        return p;
    }

    @Override
    public X86Mmu newX86Mmu(CpuModel model, long guestRamBytes) {
        return BochsX86Mmu.create(model, guestRamBytes);
    }
}
