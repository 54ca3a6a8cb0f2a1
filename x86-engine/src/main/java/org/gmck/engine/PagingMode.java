package org.gmck.engine;

/** The four x86 paging modes the machine can put its vCPU in. */
public enum PagingMode {
    /** 32-bit paging: CR0.PG=1, CR4.PAE=0; 4-byte entries, two levels. */
    BITS32(false, 2, 4),
    /** PAE paging: CR4.PAE=1 outside long mode; four PDPTEs, then two levels of 8-byte entries. */
    PAE(false, 3, 8),
    /** 4-level paging: long mode, CR4.LA57=0. */
    LEVEL4(true, 4, 8),
    /** 5-level paging: long mode, CR4.LA57=1. */
    LEVEL5(true, 5, 8);

    private final boolean longMode;
    private final int levels;
    private final int entryBytes;

    PagingMode(boolean longMode, int levels, int entryBytes) {
        this.longMode = longMode;
        this.levels = levels;
        this.entryBytes = entryBytes;
    }

    /** Whether the mode runs in IA-32e (long) mode, with 64-bit code and IDT gates. */
    public boolean longMode() {
        return longMode;
    }

    /** Number of paging-structure levels. */
    public int levels() {
        return levels;
    }

    /** Bytes per paging-structure entry. */
    public int entryBytes() {
        return entryBytes;
    }
}
