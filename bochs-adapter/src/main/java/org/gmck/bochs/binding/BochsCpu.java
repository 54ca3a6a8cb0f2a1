package org.gmck.bochs.binding;

import java.util.EnumSet;
import java.util.Set;
import org.gmck.spi.x86.CpuFeature;

/**
 * The CPU Bochs runs: its {@code tigerlake} model, whose CPUID (read from a guest) reports PSE-36, NX, 1 GB
 * pages, SMEP, SMAP and PKU, neither LA57 nor PKS, and a physical-address width of 40 bits (fixed when Bochs
 * is built).
 */
final class BochsCpu {

    /** The {@code cpu: model=} name. */
    static final String MODEL = "tigerlake";
    /** MAXPHYADDR (CPUID.80000008H:EAX[7:0]). */
    static final int MAX_PHYS_ADDR = 40;
    /** The paging features its CPUID reports. */
    static final Set<CpuFeature> FEATURES = EnumSet.of(
            CpuFeature.PSE36, CpuFeature.NX, CpuFeature.PAGE_1GB, CpuFeature.SMEP, CpuFeature.SMAP, CpuFeature.PKU);

    private BochsCpu() {}
}
