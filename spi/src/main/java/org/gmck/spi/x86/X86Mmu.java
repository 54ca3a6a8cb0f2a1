package org.gmck.spi.x86;

/**
 * One logical processor's paging unit with its guest physical memory (profile {@code x86-paging}; the PAE
 * PDPTE-register rules are profile {@code x86-pdpte-registers}). Stateful: memory and registers persist
 * between calls; translations are never cached across calls (no TLB is modelled).
 *
 * <p>Guest RAM is the physical range {@code [0, guestRamBytes)} and reads as zero until written. Every
 * refusal is a {@link org.gmck.spi.common.RejectedException} with an {@link X86Status} and changes nothing.
 */
public interface X86Mmu {

    /** RFLAGS.AC (bit 18), the one RFLAGS bit paging reads (SMAP, SDM Vol. 3A, 4.6.1). */
    long RFLAGS_AC = 1L << 18;

    /** The CPU model this MMU was created for. */
    CpuModel cpuModel();

    /**
     * Writes 8 bytes of guest RAM (little endian).
     *
     * @throws org.gmck.spi.common.RejectedException {@link X86Status#OUTSIDE_GUEST_RAM},
     *                                        {@link X86Status#MISALIGNED_PHYSICAL_ACCESS}
     */
    void writePhysical64(long physicalAddress, long value);

    /** Reads 8 bytes of guest RAM; refused like {@link #writePhysical64}. */
    long readPhysical64(long physicalAddress);

    /** Writes 4 bytes of guest RAM (the low 32 bits of {@code value}); refused like {@link #writePhysical64}. */
    void writePhysical32(long physicalAddress, int value);

    /** Reads 4 bytes of guest RAM; refused like {@link #writePhysical64}. */
    int readPhysical32(long physicalAddress);

    /**
     * Loads CR0, CR3, CR4 and EFER together, with the semantics of MOV to CR3 in the resulting mode
     * (in PAE paging the four PDPTE registers are loaded from memory now). A #GP leaves every register as
     * it was.
     *
     * @return {@link Loaded} or {@link GeneralProtection}
     * @throws org.gmck.spi.common.RejectedException {@link X86Status#INCONSISTENT_CONTROL_REGISTERS},
     *                                        {@link X86Status#UNMODELLED_REGISTER_BIT},
     *                                        {@link X86Status#OUTSIDE_GUEST_RAM} (PDPTEs outside RAM)
     */
    LoadOutcome loadControlRegisters(ControlRegisters registers);

    /** Sets RFLAGS; only {@link #RFLAGS_AC} matters to paging. */
    void setRflags(long rflags);

    /** Sets PKRU (WRPKRU): for key i, bit 2i is access-disable and bit 2i+1 write-disable. */
    void setPkru(int pkru);

    /** Sets the IA32_PKRS MSR (low 32 bits), laid out like PKRU, for supervisor-mode pages. */
    void setPkrs(int pkrs);

    /**
     * Performs one access: translates it and, on success, sets the accessed and dirty flags the SDM
     * requires in memory.
     *
     * @throws org.gmck.spi.common.RejectedException {@link X86Status#NO_REGISTERS_LOADED},
     *                                        {@link X86Status#LINEAR_ADDRESS_TOO_WIDE},
     *                                        {@link X86Status#INVALID_ACCESS},
     *                                        {@link X86Status#OUTSIDE_GUEST_RAM} (a paging entry outside RAM)
     */
    AccessOutcome access(Access access);
}
