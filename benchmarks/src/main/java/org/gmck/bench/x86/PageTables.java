package org.gmck.bench.x86;

import java.util.HashMap;
import java.util.Map;
import org.gmck.reference.x86.PageMapFloor;
import org.gmck.spi.x86.EntryField;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.EntryFlags;
import org.gmck.spi.x86.X86Mmu;
import org.gmck.spi.x86.X86PagingMode;

/**
 * Builds the paging structures of one {@link WalkCase} in an MMU's guest RAM and, write for write, in two
 * mirrors: one held as the reference held guest RAM when the walker's target was set (a hash map from page
 * number to 512 quadwords), which the target's floor loads from, and one in the reference's own page map, as it
 * holds guest RAM since the fourth round ({@link PageMapFloor}). Maps
 * {@link #ADDRESSES} consecutive pages of the case's size, so every translation uses its own leaf entry.
 */
final class PageTables {

    static final int ADDRESSES = 512;
    static final long TABLE_FRAME = EntryField.ADDRESS_64.mask();
    private static final long PRESENT_RW = EntryFlags.mask(EntryFlag.PRESENT, EntryFlag.WRITABLE);
    private static final long PS = EntryFlag.PAGE_SIZE.mask();
    private static final long FRAME_BASE = 0x4000_0000L;

    final Map<Long, long[]> mirror = new HashMap<>();
    /** The same pages held as the reference holds guest RAM since the fourth round. */
    final PageMapFloor pageMap = new PageMapFloor();

    final long cr3;
    /** The table the first memory level is read from (for PAE: the page directory the PDPTE register names). */
    final long firstTable;

    final long[] linear = new long[ADDRESSES];
    private final X86Mmu mmu;
    private final WalkCase c;
    private long nextTable = 0x1000;

    PageTables(X86Mmu mmu, WalkCase c) {
        this.mmu = mmu;
        this.c = c;
        cr3 = newTable();
        if (c.mode == X86PagingMode.PAE) {
            firstTable = newTable();
            write(cr3, firstTable | 1);
        } else {
            firstTable = cr3;
        }
        for (int i = 0; i < ADDRESSES; i++) {
            long la = (long) i << c.pageShift;
            linear[i] = la | 0x123;
            long table = firstTable;
            int[] levels = c.memoryLevels;
            for (int l = 0; l < levels.length; l++) {
                long entryAddress = table + ((la >>> levels[l]) & ((1L << c.indexBits) - 1)) * c.entryBytes;
                if (l == levels.length - 1) {
                    long frame = c.entryBytes == 4 ? (long) i << c.pageShift : FRAME_BASE + ((long) i << c.pageShift);
                    write(entryAddress, frame | PRESENT_RW | (c.pageShift > 12 ? PS : 0));
                } else {
                    long existing = entry(entryAddress);
                    if (existing == 0) {
                        existing = newTable() | PRESENT_RW;
                        write(entryAddress, existing);
                    }
                    table = existing & TABLE_FRAME;
                }
            }
        }
    }

    private long newTable() {
        long t = nextTable;
        nextTable += 0x1000;
        return t;
    }

    /** The entry at an address as the walk sees it (32-bit entries zero-extended). */
    long entry(long address) {
        long[] page = mirror.get(address >>> 12);
        long quad = page == null ? 0 : page[(int) ((address >>> 3) & 511)];
        return c.entryBytes == 4 ? (quad >>> ((address & 4) << 3)) & 0xFFFF_FFFFL : quad;
    }

    private void write(long address, long value) {
        long[] page = mirror.computeIfAbsent(address >>> 12, k -> new long[512]);
        long[] samePage = pageMap.getOrAdd(address >>> 12);
        int slot = (int) ((address >>> 3) & 511);
        if (c.entryBytes == 4) {
            int shift = (int) (address & 4) * 8;
            page[slot] = page[slot] & ~(0xFFFF_FFFFL << shift) | (value & 0xFFFF_FFFFL) << shift;
            samePage[slot] = page[slot];
            mmu.writePhysical32(address, (int) value);
        } else {
            page[slot] = value;
            samePage[slot] = value;
            mmu.writePhysical64(address, value);
        }
    }
}
