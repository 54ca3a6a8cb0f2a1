package org.gmck.kit.steps.pgm;

import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.x86.EntryField;
import org.gmck.spi.x86.EntryFlag;

/**
 * Writes a guest's own paging structures into guest physical memory with physical writes, the way a guest
 * kernel would: 32-bit (two levels of 4-byte entries), legacy PAE (a four-entry PDPT, then two levels of
 * 8-byte entries) or AMD64 (four levels of 8-byte entries). Tables are placed one page after another from
 * the root on. It only writes entries; translating through them is the implementation's business.
 */
public final class GuestTableWriter {

    /** The guest's table layouts. */
    public enum Layout {
        BITS32(4, new int[] {22, 12}, 10),
        PAE(8, new int[] {30, 21, 12}, 9),
        AMD64(8, new int[] {39, 30, 21, 12}, 9);

        final int entryBytes;
        final int[] shifts;
        final int indexBits;

        Layout(int entryBytes, int[] shifts, int indexBits) {
            this.entryBytes = entryBytes;
            this.shifts = shifts;
            this.indexBits = indexBits;
        }
    }

    public static final long P = EntryFlag.PRESENT.mask();
    public static final long RW = EntryFlag.WRITABLE.mask();
    public static final long US = EntryFlag.USER.mask();
    public static final long D = EntryFlag.DIRTY.mask();
    public static final long PS = EntryFlag.PAGE_SIZE.mask();
    public static final long XD = EntryFlag.EXECUTE_DISABLE.mask();
    private static final long FRAME = EntryField.ADDRESS_64.mask();

    private final GuestPhysicalMemory memory;
    private final Layout layout;
    private final long root;
    private long next;
    private boolean largePages;

    public GuestTableWriter(GuestPhysicalMemory memory, Layout layout, long root) {
        this.memory = memory;
        this.layout = layout;
        this.root = root;
        this.next = root + 0x1000;
    }

    public long root() {
        return root;
    }

    public Layout layout() {
        return layout;
    }

    /** Maps the 4 KB page of {@code linear} to {@code gcPhys} with the leaf flags given (P is added). */
    public void map(long linear, long gcPhys, long leafFlags) {
        long table = tableFor(layout.shifts.length - 1, linear);
        write(entryAddress(layout.shifts.length - 1, table, linear), gcPhys & FRAME | leafFlags | P);
    }

    /**
     * Maps a large page: {@code bytes} is 4 MB (a 32-bit page directory entry, with bits 39:32 of the address
     * in bits 20:13 as PSE-36 has them), 2 MB (a PAE or AMD64 page directory entry) or 1 GB (an AMD64 page
     * directory pointer entry). The leaf gets PS and the flags given (P is added).
     */
    public void mapLarge(long linear, long gcPhys, long bytes, long leafFlags) {
        int level = leafLevel(bytes);
        if ((linear & bytes - 1) != 0 || (gcPhys & bytes - 1) != 0) {
            throw new IllegalArgumentException(
                    String.format("a %#x-byte page needs aligned addresses: %#x to %#x", bytes, linear, gcPhys));
        }
        long frame = layout == Layout.BITS32
                ? EntryField.FRAME_4M.of(gcPhys)
                        | EntryField.PSE36_HIGH.of((gcPhys >>> 32) << EntryField.PSE36_HIGH.low())
                : gcPhys & FRAME;
        long table = tableFor(level, linear);
        write(entryAddress(level, table, linear), frame | leafFlags | PS | P);
        largePages = true;
    }

    /** Whether a large page was mapped (a 32-bit guest then needs CR4.PSE). */
    public boolean usesLargePages() {
        return largePages;
    }

    /** The level (0 = top) of the entry that maps a large page of {@code bytes}. */
    private int leafLevel(long bytes) {
        if (layout == Layout.BITS32 && bytes == 4L << 20) {
            return 0;
        }
        if (layout != Layout.BITS32 && bytes == 2L << 20) {
            return layout.shifts.length - 2;
        }
        if (layout == Layout.AMD64 && bytes == 1L << 30) {
            return 1;
        }
        throw new IllegalArgumentException("a " + layout + " guest has no pages of " + bytes + " bytes");
    }

    /** The table at {@code level} (0 = top) on the way to {@code linear}, creating missing tables above it. */
    private long tableFor(int level, long linear) {
        long table = root;
        for (int i = 0; i < level; i++) {
            long address = entryAddress(i, table, linear);
            long entry = read(address);
            if ((entry & P) == 0) {
                long fresh = next;
                next += 0x1000;
                entry = fresh | upperFlags(i);
                write(address, entry);
            }
            table = entry & FRAME;
        }
        return table;
    }

    /** The address of the entry at a level (0 = top) for {@code linear}, or -1 when a table on the way is missing. */
    public long entryAddressOf(int level, long linear) {
        long table = root;
        for (int i = 0; i < level; i++) {
            long entry = read(entryAddress(i, table, linear));
            if ((entry & P) == 0) {
                return -1;
            }
            table = entry & FRAME;
        }
        return entryAddress(level, table, linear);
    }

    /** Rewrites the entry at a level (0 = top) for {@code linear}: clears {@code clear}, sets {@code set}. */
    public void change(int level, long linear, long clear, long set) {
        long address = entryAddressOf(level, linear);
        write(address, read(address) & ~clear | set);
    }

    public int levels() {
        return layout.shifts.length;
    }

    public int entryBytes() {
        return layout.entryBytes;
    }

    public long read(long address) {
        return memory.read(address, layout.entryBytes);
    }

    private void write(long address, long value) {
        memory.write(address, layout.entryBytes, value);
    }

    /** Legacy PAE PDPTEs carry no R/W or U/S (those bits are must-be-zero there). */
    private long upperFlags(int level) {
        return layout == Layout.PAE && level == 0 ? P : P | RW | US;
    }

    private long entryAddress(int level, long table, long linear) {
        int bits = layout == Layout.PAE && level == 0 ? 2 : layout.indexBits;
        return table + ((linear >>> layout.shifts[level]) & ((1L << bits) - 1)) * layout.entryBytes;
    }
}
