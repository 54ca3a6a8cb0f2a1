package org.gmck.reference.pgm.shadow;

import java.util.List;
import java.util.OptionalLong;
import org.gmck.reference.x86.ReferenceX86Mmu;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.x86.EntryField;

/**
 * The shadow (monitor) paging structures of one VM, kept in host memory: built entry by entry as the
 * fault handler syncs them. Each shadow page table remembers, entry by entry, the guest physical page it
 * was synced for (as a shadow pool page remembers the guest table it shadows), and each guest page's record
 * tracks which shadow page-table entries map it ({@link PoolTracking}), so that a change to the page flushes
 * just the entries that map it, without searching their tables.
 */
final class ShadowTables {

    private static final long FRAME = EntryField.ADDRESS_64.mask();
    private static final long PAGE_MASK = ~0xFFFL;

    private final ShadowPool pool;
    private final PoolTracking tracking;
    /**
     * By pool index of each shadow page table, the guest physical page each of its entries maps (null for a
     * pool page that is no page table): one reference for each page the pool can hold.
     */
    private final long[][] guestPages = new long[ShadowPool.MAX_PAGES][];
    /** Whether a table was added under an upper entry, or the tables were reset, since {@link #upperChanged()}. */
    private boolean upperChanged = true;

    private PagingMode mode = PagingMode.BITS32;
    private long root;

    ShadowTables(ReferenceX86Mmu host, long poolBase, PoolTracking.Words words) {
        this.pool = new ShadowPool(host, poolBase);
        this.tracking = new PoolTracking(words);
        this.root = pool.allocate();
    }

    /** Throws everything away and starts an empty root table for a shadow mode. */
    void reset(PagingMode shadowMode) {
        ShadowLevel leaf = leafLevel();
        for (int t = 0; t < guestPages.length; t++) {
            long[] pages = guestPages[t];
            if (pages == null) {
                continue;
            }
            long table = pool.address(t);
            for (int i = 0; i < pages.length; i++) {
                if (present(leaf, table, i)) {
                    tracking.forget(pages[i]);
                }
            }
            guestPages[t] = null;
        }
        tracking.clear();
        pool.freeAll();
        mode = shadowMode;
        root = pool.allocate();
        upperChanged = true;
    }

    /**
     * Whether a table was added under an upper entry, or the tables were reset, since the last call: a CPU that
     * loaded registers for these tables loads them again then (legacy PAE keeps the PDPTEs it loaded, and an upper
     * entry gets another frame only so; its flags are fixed, or the guest's, which stay until the next reset).
     */
    boolean upperChanged() {
        boolean changed = upperChanged;
        upperChanged = false;
        return changed;
    }

    /** The host pages holding these tables. */
    List<Long> pages() {
        return pool.inUse();
    }

    long root() {
        return root;
    }

    /**
     * Maps the page of {@code linear} to {@code hostPhys}, creating the tables on the way: upper levels with
     * their fixed flags, the page directory entry with {@code directoryFlags}.
     */
    void map(long linear, long gcPhys, long hostPhys, long directoryFlags, long tableFlags) {
        List<ShadowLevel> levels = ShadowLevel.of(mode);
        if (!pool.room(levels.size()) || !tracking.room()) {
            // As a shadow pool with no page left does: flush it all and start again.
            reset(mode);
        }
        long table = root;
        for (int i = 0; i < levels.size() - 1; i++) {
            ShadowLevel level = levels.get(i);
            boolean directory = i == levels.size() - 2;
            long flags = directory ? directoryFlags : upperFlags();
            long address = level.entryAddress(table, linear);
            long entry = read(level, address);
            long next;
            if ((entry & ShadowFlags.P) != 0) {
                next = entry & FRAME;
            } else {
                next = pool.allocate();
                upperChanged = true;
            }
            // An upper entry holds no flag the host CPU sets that its flags lack (they include A): an entry that
            // already has the value is not written again.
            if (entry != (next | flags)) {
                write(level, address, next | flags);
            }
            table = next;
        }
        ShadowLevel leaf = levels.get(levels.size() - 1);
        int index = leaf.index(linear);
        clear(leaf, table, index);
        write(leaf, leaf.entryAddress(table, linear), hostPhys & FRAME | tableFlags);
        int poolIndex = pool.index(table);
        if (guestPages[poolIndex] == null) {
            guestPages[poolIndex] = new long[leaf.entries()];
        }
        guestPages[poolIndex][index] = gcPhys & PAGE_MASK;
        tracking.addReference(gcPhys & PAGE_MASK, poolIndex, index);
    }

    /** Drops the shadow page table entry for the page of {@code linear}, if there is one. */
    void unmap(long linear) {
        clear(leafLevel(), leafTable(linear), leafLevel().index(linear));
    }

    /** Drops every shadow page table entry that maps the guest physical page {@code gcPhysPage}. */
    void unmapGuestPage(long gcPhysPage) {
        ShadowLevel leaf = leafLevel();
        for (int reference : tracking.references(gcPhysPage)) {
            clear(leaf, pool.address(PoolTracking.table(reference)), PoolTracking.entry(reference));
        }
    }

    /** The guest physical page the shadow maps the page of {@code linear} for. */
    OptionalLong guestPage(long linear) {
        long table = leafTable(linear);
        int index = leafLevel().index(linear);
        if (!present(leafLevel(), table, index)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(guestPagesOf(table)[index]);
    }

    /**
     * The shadow page table that holds the entry for {@code linear}. An upper entry that is not present is all
     * zero (entries are written present or cleared to zero, pool pages are zeroed), so where one is the walk
     * ends on host page 0: the pool never hands that page out and nothing writes it, so no entry there is
     * present.
     */
    private long leafTable(long linear) {
        List<ShadowLevel> levels = ShadowLevel.of(mode);
        long table = root;
        for (int i = 0; i < levels.size() - 1; i++) {
            table = read(levels.get(i), levels.get(i).entryAddress(table, linear)) & FRAME;
        }
        return table;
    }

    /** Clears entry {@code index} of a shadow page table, and the reference it held. */
    private void clear(ShadowLevel leaf, long table, int index) {
        if (present(leaf, table, index)) {
            write(leaf, table + (long) index * leaf.entryBytes(), 0);
            tracking.removeReference(guestPagesOf(table)[index], pool.index(table), index);
        }
    }

    /** The guest pages the entries of the shadow page table at {@code table} map; only for a table that has one. */
    private long[] guestPagesOf(long table) {
        return guestPages[pool.index(table)];
    }

    private boolean present(ShadowLevel leaf, long table, int index) {
        return (read(leaf, table + (long) index * leaf.entryBytes()) & ShadowFlags.P) != 0;
    }

    private ShadowLevel leafLevel() {
        List<ShadowLevel> levels = ShadowLevel.of(mode);
        return levels.get(levels.size() - 1);
    }

    private long upperFlags() {
        return mode == PagingMode.PAE ? ShadowFlags.FIXED_LEGACY_PDPTE : ShadowFlags.FIXED_LONG_MODE_UPPER;
    }

    /** An entry as it is: as this class last wrote it, with any A and D flags the host CPU set since. */
    private long read(ShadowLevel level, long address) {
        return level.entryBytes() == 4 ? Integer.toUnsignedLong(pool.read32(address)) : pool.read64(address);
    }

    /** A 32-bit entry takes the low 32 bits of {@code value}: it has no execute-disable bit. */
    private void write(ShadowLevel level, long address, long value) {
        if (level.entryBytes() == 4) {
            pool.write32(address, (int) value);
        } else {
            pool.write64(address, value);
        }
    }
}
