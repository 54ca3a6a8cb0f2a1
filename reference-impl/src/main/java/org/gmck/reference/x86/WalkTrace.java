package org.gmck.reference.x86;

import java.util.Objects;
import org.gmck.spi.x86.X86Level;

/**
 * What one walk of a {@link ReferenceX86Mmu} found, written into an object its caller keeps and reuses rather
 * than into an outcome built for every access: how the walk ended and, for a translation, the physical address
 * and the entries it used, top first, each with its value as read (before any A or D update), as a
 * {@link org.gmck.spi.x86.Translated} lists them. A monitor that walks the guest's tables on every fault reads
 * the walk from here and allocates nothing for it. Its contents stay until the next walk into it.
 */
public final class WalkTrace {

    /** How a walk ended. */
    public enum Ending {
        TRANSLATED,
        PAGE_FAULT,
        /** A #GP before any entry was read (a non-canonical address). */
        GENERAL_PROTECTION
    }

    private static final int MOST_ENTRIES = 5;

    private final X86Level[] levels = new X86Level[MOST_ENTRIES];
    private final long[] addresses = new long[MOST_ENTRIES];
    private final long[] values = new long[MOST_ENTRIES];
    private Ending ending = Ending.GENERAL_PROTECTION;
    private int entries;
    private long physicalAddress;
    private int errorCode;

    public Ending ending() {
        return ending;
    }

    /** A translation's physical address. */
    public long physicalAddress() {
        return physicalAddress;
    }

    /** A page fault's error code. */
    public int errorCode() {
        return errorCode;
    }

    /** How many entries a translation used (0 without paging). */
    public int entries() {
        return entries;
    }

    /** The level of entry {@code entry} (0, the top one, to {@link #entries()} - 1). */
    public X86Level level(int entry) {
        return levels[Objects.checkIndex(entry, entries)];
    }

    /** Where the entry lies (for a PAE PDPTE register: where it was loaded from). */
    public long address(int entry) {
        return addresses[Objects.checkIndex(entry, entries)];
    }

    /** The entry as the walk read it, before any A or D update. */
    public long value(int entry) {
        return values[Objects.checkIndex(entry, entries)];
    }

    /** How the walk ended: its physical address (a translation's), error code (a page fault's) and entries used. */
    void ended(Ending how, long physical, int code, int used) {
        ending = how;
        physicalAddress = physical;
        errorCode = code;
        entries = used;
    }

    void entry(int i, X86Level level, long address, long value) {
        levels[i] = level;
        addresses[i] = address;
        values[i] = value;
    }
}
