package org.gmck.kit.x86walk;

import java.util.Arrays;
import java.util.EnumSet;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.EntryFlags;

/**
 * The CPUs and the entry bits the x86 scenarios, the fixture generator and the random cases start from.
 */
public final class X86Defaults {

    private X86Defaults() {}

    /** P, R/W and U/S: the bits of an entry that permits everything. */
    public static long permissiveBits() {
        return EntryFlags.mask(EntryFlag.PRESENT, EntryFlag.WRITABLE, EntryFlag.USER);
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
