package org.gmck.qemu.machine;

/** What the vCPU's CPUID reports, read once at boot by single-stepping {@code cpuid}. */
public record CpuFeatures(
        int maxPhysAddr,
        int linearBits,
        boolean smep,
        boolean smap,
        boolean pku,
        boolean la57,
        boolean page1gb,
        boolean nx,
        boolean pse36,
        boolean pks) {}
