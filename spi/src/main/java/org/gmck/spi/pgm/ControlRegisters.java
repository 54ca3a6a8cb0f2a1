package org.gmck.spi.pgm;

/**
 * The control-register bits that decide the guest paging mode. Values are raw register contents.
 *
 * @param cr0  CR0: PE is bit 0, WP bit 16, PG bit 31
 * @param cr4  CR4: PSE is bit 4, PAE bit 5
 * @param efer EFER: LME is bit 8, LMA bit 10, NXE bit 11
 */
public record ControlRegisters(long cr0, long cr4, long efer) {
    public static final long CR0_PE = 1L;
    public static final long CR0_WP = 1L << 16;
    public static final long CR0_PG = 1L << 31;
    public static final long CR4_PSE = 1L << 4;
    public static final long CR4_PAE = 1L << 5;
    public static final long EFER_LME = 1L << 8;
    public static final long EFER_LMA = 1L << 10;
    public static final long EFER_NXE = 1L << 11;

    public boolean pe() {
        return (cr0 & CR0_PE) != 0;
    }

    public boolean pg() {
        return (cr0 & CR0_PG) != 0;
    }

    public boolean pae() {
        return (cr4 & CR4_PAE) != 0;
    }

    public boolean lme() {
        return (efer & EFER_LME) != 0;
    }

    public boolean lma() {
        return (efer & EFER_LMA) != 0;
    }

    public boolean nxe() {
        return (efer & EFER_NXE) != 0;
    }
}
