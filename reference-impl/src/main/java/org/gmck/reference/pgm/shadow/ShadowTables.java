package org.gmck.reference.pgm.shadow;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.x86.X86Mmu;

/**
 * The shadow (monitor) paging structures of one VM, kept in host memory: built entry by entry as the
 * fault handler syncs them, and remembering, for every page they map, the guest physical page behind it
 * (as a shadow page pool page remembers the guest table it shadows).
 */
final class ShadowTables {

    private static final long FRAME = 0x000F_FFFF_FFFF_F000L;
    private static final long PAGE_MASK = ~0xFFFL;

    private final X86Mmu host;
    private final ShadowPool pool;
    /** Linear page mapped, to {guest physical page, address of its shadow page table entry}. */
    private Map<Long, long[]> mapped = new HashMap<>();
    /**
     * Guest physical page, to the linear pages synced for it since the last reset: the reverse of
     * {@link #mapped}, which may still name a page INVLPG dropped since.
     */
    private Map<Long, Set<Long>> mappers = new HashMap<>();
    private PagingMode mode = PagingMode.BIT32;
    private long root;

    ShadowTables(X86Mmu host, long poolBase) {
        this.host = host;
        this.pool = new ShadowPool(host, poolBase);
        this.root = pool.allocate();
    }

    /** Throws everything away and starts an empty root table for a shadow mode. */
    void reset(PagingMode shadowMode) {
        pool.freeAll();
        mapped = new HashMap<>();
        mappers = new HashMap<>();
        mode = shadowMode;
        root = pool.allocate();
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
        long table = root;
        for (int i = 0; i < levels.size() - 1; i++) {
            ShadowLevel level = levels.get(i);
            boolean directory = i == levels.size() - 2;
            long flags = directory ? directoryFlags : upperFlags();
            long address = level.entryAddress(table, linear);
            long entry = read(level, address);
            long next = (entry & ShadowFlags.P) != 0 ? entry & FRAME : pool.allocate();
            long wanted = next | narrow(flags);
            if (entry != wanted) {
                write(level, address, wanted);
            }
            table = next;
        }
        ShadowLevel leaf = levels.get(levels.size() - 1);
        long address = leaf.entryAddress(table, linear);
        write(leaf, address, hostPhys & FRAME | narrow(tableFlags));
        long page = linear & PAGE_MASK;
        mapped.put(page, new long[] {gcPhys & PAGE_MASK, address});
        mappers.computeIfAbsent(gcPhys & PAGE_MASK, k -> new HashSet<>()).add(page);
    }

    /** Drops the shadow page table entry for the page of {@code linear}, if there is one. */
    void unmap(long linear) {
        long[] m = mapped.remove(linear & PAGE_MASK);
        if (m != null) {
            ShadowLevel leaf = ShadowLevel.of(mode).get(ShadowLevel.of(mode).size() - 1);
            write(leaf, m[1], 0);
        }
    }

    /** Drops every shadow page table entry that maps the guest physical page {@code gcPhysPage}. */
    void unmapGuestPage(long gcPhysPage) {
        Set<Long> linears = mappers.remove(gcPhysPage);
        if (linears != null) {
            for (long linear : linears) {
                long[] m = mapped.get(linear);
                if (m != null && m[0] == gcPhysPage) {
                    unmap(linear);
                }
            }
        }
    }

    /** The guest physical page the shadow maps the page of {@code linear} for. */
    OptionalLong guestPage(long linear) {
        long[] m = mapped.get(linear & PAGE_MASK);
        return m == null ? OptionalLong.empty() : OptionalLong.of(m[0]);
    }

    private long upperFlags() {
        return mode == PagingMode.PAE ? ShadowFlags.FIXED_LEGACY_PDPTE : ShadowFlags.FIXED_LONG_MODE_UPPER;
    }

    /** 32-bit entries have no execute-disable bit. */
    private long narrow(long flags) {
        return mode == PagingMode.BIT32 ? flags & ~ShadowFlags.NX : flags;
    }

    private long read(ShadowLevel level, long address) {
        return level.entryBytes() == 4 ? Integer.toUnsignedLong(host.readPhysical32(address))
                : host.readPhysical64(address);
    }

    private void write(ShadowLevel level, long address, long value) {
        if (level.entryBytes() == 4) {
            host.writePhysical32(address, (int) value);
        } else {
            host.writePhysical64(address, value);
        }
    }
}
