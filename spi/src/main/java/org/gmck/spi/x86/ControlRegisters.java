package org.gmck.spi.x86;

/**
 * The control registers that select and configure paging: loaded together by
 * {@link X86Mmu#loadControlRegisters}, and the registers PGM derives a guest mode from
 * ({@link org.gmck.spi.pgm.PagingModes#guestMode}, which reads CR0, CR4 and EFER only). Values are raw
 * register contents; the constants name the bits the kit models.
 *
 * @param cr0  CR0: PE bit 0, WP bit 16, PG bit 31
 * @param cr3  CR3: the physical address of the top-level paging structure (and PWT, PCD)
 * @param cr4  CR4: PSE 4, PAE 5, PGE 7, LA57 12, SMEP 20, SMAP 21, PKE 22, PKS 24
 * @param efer IA32_EFER: LME bit 8, LMA bit 10, NXE bit 11
 */
public record ControlRegisters(long cr0, long cr3, long cr4, long efer) {
    public static final long CR0_PE = 1L;
    public static final long CR0_WP = 1L << 16;
    public static final long CR0_PG = 1L << 31;

    public static final long CR4_PSE = 1L << 4;
    public static final long CR4_PAE = 1L << 5;
    public static final long CR4_PGE = 1L << 7;
    public static final long CR4_LA57 = 1L << 12;
    public static final long CR4_SMEP = 1L << 20;
    public static final long CR4_SMAP = 1L << 21;
    public static final long CR4_PKE = 1L << 22;
    public static final long CR4_PKS = 1L << 24;

    public static final long EFER_LME = 1L << 8;
    public static final long EFER_LMA = 1L << 10;
    public static final long EFER_NXE = 1L << 11;

    /** The CR0 bits the kit models; any other CR0 bit is refused as unmodelled. */
    public static final long CR0_MODELLED = CR0_PE | CR0_WP | CR0_PG;
    /** The CR4 bits the kit models; any other CR4 bit is refused as unmodelled. */
    public static final long CR4_MODELLED =
            CR4_PSE | CR4_PAE | CR4_PGE | CR4_LA57 | CR4_SMEP | CR4_SMAP | CR4_PKE | CR4_PKS;
    /** The EFER bits the kit models; any other EFER bit is refused as unmodelled. */
    public static final long EFER_MODELLED = EFER_LME | EFER_LMA | EFER_NXE;

    /** CR0, CR4 and EFER with CR3 zero: the registers a paging-mode decision reads. */
    public static ControlRegisters of(long cr0, long cr4, long efer) {
        return new ControlRegisters(cr0, 0, cr4, efer);
    }

    /** Registers for the given paging mode with CR3 and nothing else optional set. */
    public static ControlRegisters forMode(X86PagingMode mode, long cr3) {
        long pe = CR0_PE;
        return switch (mode) {
            case NONE -> new ControlRegisters(pe, cr3, 0, 0);
            case BITS32 -> new ControlRegisters(pe | CR0_PG, cr3, 0, 0);
            case PAE -> new ControlRegisters(pe | CR0_PG, cr3, CR4_PAE, 0);
            case LEVEL4 -> new ControlRegisters(pe | CR0_PG, cr3, CR4_PAE, EFER_LME | EFER_LMA);
            case LEVEL5 -> new ControlRegisters(pe | CR0_PG, cr3, CR4_PAE | CR4_LA57, EFER_LME | EFER_LMA);
        };
    }

    /** A copy with the given CR0 bits also set. */
    public ControlRegisters withCr0(long bits) {
        return new ControlRegisters(cr0 | bits, cr3, cr4, efer);
    }

    /** A copy with the given CR4 bits also set. */
    public ControlRegisters withCr4(long bits) {
        return new ControlRegisters(cr0, cr3, cr4 | bits, efer);
    }

    /** A copy with the given EFER bits also set. */
    public ControlRegisters withEfer(long bits) {
        return new ControlRegisters(cr0, cr3, cr4, efer | bits);
    }

    /** A copy with another CR3. */
    public ControlRegisters withCr3(long value) {
        return new ControlRegisters(cr0, value, cr4, efer);
    }

    /** The paging mode these registers select, assuming they are consistent (SDM Vol. 3A, 4.1.1). */
    public X86PagingMode pagingMode() {
        if ((cr0 & CR0_PG) == 0) {
            return X86PagingMode.NONE;
        }
        if ((cr4 & CR4_PAE) == 0) {
            return X86PagingMode.BITS32;
        }
        if ((efer & EFER_LMA) == 0) {
            return X86PagingMode.PAE;
        }
        return (cr4 & CR4_LA57) != 0 ? X86PagingMode.LEVEL5 : X86PagingMode.LEVEL4;
    }

    /** CR0.PE: protected mode. */
    public boolean pe() {
        return (cr0 & CR0_PE) != 0;
    }

    /** CR0.PG: paging. */
    public boolean pg() {
        return (cr0 & CR0_PG) != 0;
    }

    /** CR0.WP: supervisor writes honour R/W. */
    public boolean wp() {
        return (cr0 & CR0_WP) != 0;
    }

    /** CR4.PSE: 4 MiB pages in 32-bit paging. */
    public boolean pse() {
        return (cr4 & CR4_PSE) != 0;
    }

    /** CR4.PAE: physical-address extension. */
    public boolean pae() {
        return (cr4 & CR4_PAE) != 0;
    }

    /** Whether every CR4 bit of {@code bits} is set. */
    public boolean cr4(long bits) {
        return (cr4 & bits) == bits;
    }

    /** EFER.LME: long mode enabled. */
    public boolean lme() {
        return (efer & EFER_LME) != 0;
    }

    /** EFER.LMA: long mode active (IA-32e mode). */
    public boolean lma() {
        return (efer & EFER_LMA) != 0;
    }

    /** EFER.NXE: execute-disable enabled. */
    public boolean nxe() {
        return (efer & EFER_NXE) != 0;
    }
}
