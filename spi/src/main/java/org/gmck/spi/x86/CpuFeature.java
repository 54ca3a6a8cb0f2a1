package org.gmck.spi.x86;

/** The optional paging features a CPU model may have (CPUID bits named after the Intel SDM). */
public enum CpuFeature {
    /** 36-bit page-size extension: 4 MiB pages of 32-bit paging may map above 4 GiB (CPUID.01H:EDX[17]). */
    PSE36,
    /** Execute-disable: EFER.NXE may be set (CPUID.80000001H:EDX[20]). */
    NX,
    /** 1 GiB pages at the PDPTE of 4-level and 5-level paging (CPUID.80000001H:EDX[26]). */
    PAGE_1GB,
    /** 5-level paging: CR4.LA57 may be set (CPUID.(EAX=07H,ECX=0):ECX[16]). */
    LA57,
    /** Supervisor-mode execution prevention: CR4.SMEP may be set. */
    SMEP,
    /** Supervisor-mode access prevention: CR4.SMAP may be set. */
    SMAP,
    /** Protection keys for user-mode pages: CR4.PKE may be set. */
    PKU,
    /** Protection keys for supervisor-mode pages: CR4.PKS may be set. */
    PKS
}
