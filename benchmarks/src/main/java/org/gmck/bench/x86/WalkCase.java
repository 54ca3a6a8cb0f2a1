package org.gmck.bench.x86;

import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.X86PagingMode;

/**
 * One paging mode and leaf page size: which registers select it, how many paging-structure entries a walk
 * reads from memory (the PAE PDPTE comes from a register), and the shape of each level.
 */
public enum WalkCase {
    BITS32_4K(X86PagingMode.BITS32, 12, 4, new int[] {22, 12}, 10),
    BITS32_4M(X86PagingMode.BITS32, 22, 4, new int[] {22}, 10),
    PAE_4K(X86PagingMode.PAE, 12, 8, new int[] {21, 12}, 9),
    PAE_2M(X86PagingMode.PAE, 21, 8, new int[] {21}, 9),
    LEVEL4_4K(X86PagingMode.LEVEL4, 12, 8, new int[] {39, 30, 21, 12}, 9),
    LEVEL4_2M(X86PagingMode.LEVEL4, 21, 8, new int[] {39, 30, 21}, 9),
    LEVEL4_1G(X86PagingMode.LEVEL4, 30, 8, new int[] {39, 30}, 9),
    LEVEL5_4K(X86PagingMode.LEVEL5, 12, 8, new int[] {48, 39, 30, 21, 12}, 9),
    LEVEL5_2M(X86PagingMode.LEVEL5, 21, 8, new int[] {48, 39, 30, 21}, 9),
    LEVEL5_1G(X86PagingMode.LEVEL5, 30, 8, new int[] {48, 39, 30}, 9);

    final X86PagingMode mode;
    final int pageShift;
    final int entryBytes;
    /** The linear-address shift of each level read from memory, top first; the last one is the leaf. */
    final int[] memoryLevels;

    final int indexBits;

    WalkCase(X86PagingMode mode, int pageShift, int entryBytes, int[] memoryLevels, int indexBits) {
        this.mode = mode;
        this.pageShift = pageShift;
        this.entryBytes = entryBytes;
        this.memoryLevels = memoryLevels;
        this.indexBits = indexBits;
    }

    /** Paging-structure entries read from memory per translation. */
    public int loads() {
        return memoryLevels.length;
    }

    ControlRegisters registers(long cr3) {
        ControlRegisters r = ControlRegisters.forMode(mode, cr3);
        return pageShift == 22 ? r.withCr4(ControlRegisters.CR4_PSE) : r;
    }

    /** A label such as "4-level, 2 MiB". */
    public String label() {
        String m = switch (mode) {
            case BITS32 -> "32-bit";
            case PAE -> "PAE";
            case LEVEL4 -> "4-level";
            case LEVEL5 -> "5-level";
            case NONE -> "none";
        };
        String size = switch (pageShift) {
            case 12 -> "4 KiB";
            case 21 -> "2 MiB";
            case 22 -> "4 MiB";
            default -> "1 GiB";
        };
        return m + ", " + size;
    }
}
