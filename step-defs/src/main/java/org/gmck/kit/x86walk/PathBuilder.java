package org.gmck.kit.x86walk;

import java.util.ArrayList;
import java.util.List;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.EntryField;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.PageSize;
import org.gmck.spi.x86.X86Level;
import org.gmck.spi.x86.X86PagingMode;

/**
 * Lays out the paging structures for one access: one table per level at fixed addresses
 * ({@value #TABLES} upward unless the caller moves them; in PAE paging the PDPT sits at {@value #PAE_PDPT}, 32-byte aligned but not
 * page aligned), every entry on the path pointing at the next table, the leaf at a frame of its size.
 * The caller gives the flag bits of each entry; the builder adds the addresses.
 */
public final class PathBuilder {

    /** Guest RAM of every generated case: 16 MiB. */
    public static final long RAM = 16L << 20;

    public static final long TABLES = 0x10000;
    public static final long PAE_PDPT = 0x10060;
    private static final long FRAME_SEED = 0x9_ABCD_E000L;

    private PathBuilder() {}

    /** How many entries a path to a leaf of this size has. */
    public static int depth(X86PagingMode mode, PageSize leaf) {
        int all = mode.levels().size();
        return switch (leaf) {
            case SIZE_4K -> all;
            case SIZE_2M, SIZE_4M -> all - 1;
            case SIZE_1G -> all - 2;
            case UNPAGED -> 0;
        };
    }

    /** The CR3 value of the layout. */
    public static long cr3(X86PagingMode mode) {
        return cr3(mode, TABLES);
    }

    /** The CR3 value of the layout moved to start at {@code tables}. */
    public static long cr3(X86PagingMode mode, long tables) {
        return mode == X86PagingMode.PAE ? tables + (PAE_PDPT - TABLES) : tables;
    }

    /** The frame a leaf of this size maps, within MAXPHYADDR (and 4 GiB for 32-bit 4 KiB pages). */
    public static long frame(CpuModel cpu, X86PagingMode mode, PageSize leaf) {
        int width = cpu.maxPhysAddr();
        if (mode == X86PagingMode.BITS32) {
            width = leaf == PageSize.SIZE_4M && cpu.has(CpuFeature.PSE36) ? Math.min(40, width) : 32;
        }
        long limit = width >= 64 ? -1L : (1L << width) - 1;
        return FRAME_SEED & limit & -(1L << leaf.shift());
    }

    /**
     * The spec of an access whose path ends in a leaf of {@code leaf} size.
     *
     * @param flags the flag bits of each entry on the path, top first ({@code depth} of them); PS is added
     *              to a large leaf, addresses to every entry
     */
    public static WalkSpec build(
            CpuModel cpu,
            ControlRegisters registers,
            long rflags,
            int pkru,
            int pkrs,
            PageSize leaf,
            long[] flags,
            Access access) {
        return build(cpu, registers, rflags, pkru, pkrs, leaf, flags, access, frame(cpu, registers.pagingMode(), leaf));
    }

    /** As {@link #build(CpuModel, ControlRegisters, long, int, int, PageSize, long[], Access)}, to a given frame. */
    public static WalkSpec build(
            CpuModel cpu,
            ControlRegisters registers,
            long rflags,
            int pkru,
            int pkrs,
            PageSize leaf,
            long[] flags,
            Access access,
            long leafFrame) {
        return build(cpu, registers, rflags, pkru, pkrs, leaf, flags, access, leafFrame, TABLES, RAM);
    }

    /**
     * As {@link #build(CpuModel, ControlRegisters, long, int, int, PageSize, long[], Access, long)}, with the
     * tables from {@code tables} upward in {@code guestRamBytes} of guest RAM.
     */
    public static WalkSpec build(
            CpuModel cpu,
            ControlRegisters registers,
            long rflags,
            int pkru,
            int pkrs,
            PageSize leaf,
            long[] flags,
            Access access,
            long leafFrame,
            long tables,
            long guestRamBytes) {
        X86PagingMode mode = registers.pagingMode();
        List<X86Level> levels = mode.levels();
        int depth = depth(mode, leaf);
        if (flags.length != depth) {
            throw new IllegalArgumentException("a " + leaf + " path in " + mode + " has " + depth + " entries");
        }
        int width = mode.entryBytes();
        long la = access.linearAddress();
        List<WalkSpec.PathEntry> path = new ArrayList<>();
        List<MemoryWord> other = new ArrayList<>();
        long table = cr3(mode, tables);
        for (int i = 0; i < depth; i++) {
            X86Level level = levels.get(i);
            long index = indexOf(mode, i, la);
            long address = table + index * width;
            boolean isLeaf = i == depth - 1;
            long target = isLeaf ? leafFrame : tables + 0x1000L * (i + 1);
            long ps = isLeaf && leaf != PageSize.SIZE_4K ? EntryFlag.PAGE_SIZE.mask() : 0;
            path.add(new WalkSpec.PathEntry(
                    level, new MemoryWord(address, width, encode(target, leaf) | ps | flags[i])));
            if (mode == X86PagingMode.PAE && i == 0) {
                for (int k = 0; k < 4; k++) {
                    if (k != index) {
                        other.add(new MemoryWord(table + 8L * k, 8, 0));
                    }
                }
            }
            table = target;
        }
        return new WalkSpec(
                cpu, guestRamBytes, registers.withCr3(cr3(mode, tables)), rflags, pkru, pkrs, path, other, access);
    }

    /** A 4 MiB frame keeps physical-address bits 39:32 in PDE bits 20:13 (PSE-36). */
    private static long encode(long address, PageSize leaf) {
        return leaf == PageSize.SIZE_4M
                ? EntryField.FRAME_4M.of(address) | ((address >>> 32) << EntryField.PSE36_HIGH.low())
                : address;
    }

    private static long indexOf(X86PagingMode mode, int i, long la) {
        return switch (mode) {
            case BITS32 -> (la >>> (i == 0 ? 22 : 12)) & 0x3FF;
            case PAE -> i == 0 ? (la >>> 30) & 3 : (la >>> (i == 1 ? 21 : 12)) & 0x1FF;
            default -> (la >>> (12 + 9 * (mode.levels().size() - 1 - i))) & 0x1FF;
        };
    }
}
