package org.gmck.spi.x86;

import java.util.EnumSet;
import java.util.Set;

/**
 * The CPU an MMU models: its physical-address width and the optional paging features it has. The model
 * has PAT (bit 7 of a PTE and bit 12 of a large-page entry are PAT, never reserved).
 *
 * @param maxPhysAddr MAXPHYADDR, the physical-address width in bits (CPUID.80000008H:EAX[7:0]); 32 to 52
 * @param features    the optional features present
 */
public record CpuModel(int maxPhysAddr, Set<CpuFeature> features) {

    public CpuModel {
        features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
    }

    /** A model with the given width and features. */
    public static CpuModel of(int maxPhysAddr, CpuFeature... features) {
        return new CpuModel(maxPhysAddr, features.length == 0 ? Set.of() : EnumSet.of(features[0], features));
    }

    /** Whether the model has a feature. */
    public boolean has(CpuFeature feature) {
        return features.contains(feature);
    }
}
