package org.gmck.kit.x86walk;

import java.util.Arrays;
import java.util.EnumSet;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.CpuModel;

/**
 * The CPUs and the entry bits the x86 scenarios, the fixture generator and the random cases start from.
 */
public final class X86Defaults {

    private static final long P = 1;
    private static final long RW = 1L << 1;
    private static final long US = 1L << 2;

    private X86Defaults() {}

    /** P, R/W and U/S: the bits of an entry that permits everything. */
    public static long permissiveBits() {
        return P | RW | US;
    }

    /** The CPU with every feature, at a MAXPHYADDR. */
    public static CpuModel fullCpu(int maxPhysAddr) {
        return new CpuModel(maxPhysAddr, EnumSet.allOf(CpuFeature.class));
    }

    /** The CPU with every feature but {@code missing}, at a MAXPHYADDR. */
    public static CpuModel cpuWithout(int maxPhysAddr, CpuFeature... missing) {
        EnumSet<CpuFeature> features = EnumSet.allOf(CpuFeature.class);
        features.removeAll(Arrays.asList(missing));
        return new CpuModel(maxPhysAddr, features);
    }
}
