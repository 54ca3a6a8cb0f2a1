package org.gmck.differential;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.X86Level;
import org.gmck.spi.x86.X86Mmu;
import org.gmck.spi.x86.X86PagingMode;

/**
 * Random paging-structure hierarchies in every paging mode: one path of random entries (flags, page sizes,
 * protection keys, ignored bits, and now and then one reserved bit), a few unrelated neighbour entries
 * per table, random control bits, and one random access. Tables live in the first 16 MiB of RAM; leaf
 * frames never overlap them, so a store or a fetch cannot change an entry.
 */
public final class CaseGenerator {

    public static final long RAM = 16L << 20;
    /** The CPU models of the run: each is one QEMU configuration. */
    public static final List<CpuModel> MODELS = List.of(
            CpuModel.of(40, CpuFeature.values()),
            CpuModel.of(
                    36,
                    CpuFeature.PSE36,
                    CpuFeature.NX,
                    CpuFeature.LA57,
                    CpuFeature.SMEP,
                    CpuFeature.SMAP,
                    CpuFeature.PKU),
            CpuModel.of(
                    52,
                    CpuFeature.NX,
                    CpuFeature.PAGE_1GB,
                    CpuFeature.LA57,
                    CpuFeature.SMEP,
                    CpuFeature.SMAP,
                    CpuFeature.PKU,
                    CpuFeature.PKS));

    private final Random random;

    /** A generator whose cases all follow from {@code seed}. */
    public CaseGenerator(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Case {@code index} of the run with {@code seed}: it depends on these two numbers alone (its CPU model
     * included), so a run split into shards, or over any number of workers, puts the same cases.
     */
    public static CaseSpec caseAt(long seed, long index) {
        long mixed = mix(mix(seed) + index);
        CaseGenerator generator = new CaseGenerator(mixed);
        return generator.next(MODELS.get((int) Long.remainderUnsigned(mix(mixed ^ 0x5DEECE66DL), MODELS.size())));
    }

    /** SplitMix64's finaliser: neighbouring seeds give unrelated generators. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** The next random case for {@code cpu}. */
    public CaseSpec next(CpuModel cpu) {
        List<X86PagingMode> modes =
                new ArrayList<>(List.of(X86PagingMode.BITS32, X86PagingMode.PAE, X86PagingMode.LEVEL4));
        if (cpu.has(CpuFeature.LA57)) {
            modes.add(X86PagingMode.LEVEL5);
        }
        X86PagingMode mode = modes.get(random.nextInt(modes.size()));
        boolean legacy = mode == X86PagingMode.BITS32 || mode == X86PagingMode.PAE;
        Set<Long> pages = new HashSet<>();
        long cr3Page = freshPage(pages);
        long cr3 = mode == X86PagingMode.PAE ? cr3Page + 32L * random.nextInt(128) : cr3Page;
        ControlRegisters r = ControlRegisters.forMode(mode, cr3);
        if (chance(0.6)) {
            r = r.withCr0(ControlRegisters.CR0_WP);
        }
        if (chance(mode == X86PagingMode.BITS32 ? 0.7 : 0.3)) {
            r = r.withCr4(ControlRegisters.CR4_PSE);
        }
        if (cpu.has(CpuFeature.NX) && mode != X86PagingMode.BITS32
                ? chance(0.7)
                : chance(0.1) && cpu.has(CpuFeature.NX)) {
            r = r.withEfer(ControlRegisters.EFER_NXE);
        }
        long[][] optional = {
            {ControlRegisters.CR4_SMEP, CpuFeature.SMEP.ordinal()},
            {ControlRegisters.CR4_SMAP, CpuFeature.SMAP.ordinal()},
            {ControlRegisters.CR4_PKE, CpuFeature.PKU.ordinal()},
            {ControlRegisters.CR4_PKS, CpuFeature.PKS.ordinal()}
        };
        for (long[] o : optional) {
            if (cpu.has(CpuFeature.values()[(int) o[1]]) && chance(0.3)) {
                r = r.withCr4(o[0]);
            }
        }
        long rflags = chance(0.3) ? X86Mmu.RFLAGS_AC : 0;
        int pkru = chance(0.5) ? random.nextInt() : 0;
        int pkrs = chance(0.5) ? random.nextInt() : 0;

        List<X86Level> levels = mode.levels();
        long linear = linear(mode);
        SortedMap<Long, Long> words = new TreeMap<>();
        List<PathEntry> path = new ArrayList<>();
        int width = mode == X86PagingMode.BITS32 ? 4 : 8;
        long table = mode == X86PagingMode.PAE ? cr3 & 0xFFFF_FFE0L : cr3Page;
        for (int i = 0; i < levels.size(); i++) {
            X86Level level = levels.get(i);
            long address = table + width * index(mode, level, linear);
            boolean canBeLeaf = level == X86Level.PT || level == X86Level.PD || level == X86Level.PDPT && !legacy;
            boolean leaf = level == X86Level.PT || canBeLeaf && chance(0.3);
            long entry;
            if (mode == X86PagingMode.PAE && level == X86Level.PDPT) {
                entry = (chance(0.95) ? 1 : 0) | (chance(0.05) ? 1L << (1 + random.nextInt(8)) : 0);
                leaf = false;
            } else {
                entry = flags(mode, level, leaf, cpu);
            }
            long next;
            if (leaf) {
                next = frame(cpu, mode, level, pages, linear);
                if (level != X86Level.PT) {
                    entry |= 1L << 7;
                }
            } else {
                next = freshPage(pages);
                if (level == X86Level.PML4 || level == X86Level.PML5) {
                    entry |= chance(0.03) ? 1L << 7 : 0;
                }
            }
            entry |= next;
            if (chance(0.1)) {
                entry |= reservedBit(cpu, mode, level, leaf);
            }
            put(words, address, width, entry);
            path.add(new PathEntry(address, width, level, leaf));
            int neighbours = mode == X86PagingMode.PAE && level == X86Level.PDPT ? 0 : random.nextInt(3);
            for (int n = 0; n < neighbours; n++) {
                long other = table + width * random.nextInt(mode == X86PagingMode.BITS32 ? 1024 : 512);
                if (other != address && !words.containsKey(other & ~7L)) {
                    put(words, other, width, flags(mode, level, false, cpu) | freshPage(pages));
                }
            }
            if (leaf) {
                break;
            }
            table = next;
        }
        AccessKind kind = AccessKind.values()[random.nextInt(3)];
        Privilege privilege = chance(0.5) ? Privilege.USER : Privilege.SUPERVISOR;
        if (chance(0.1) && (linear & 0xFFF) <= 0xFF8) {
            kind = AccessKind.READ;
            privilege = Privilege.IMPLICIT_SUPERVISOR;
        }
        return new CaseSpec(cpu, RAM, r, rflags, pkru, pkrs, words, new Access(linear, kind, privilege), path);
    }

    private static void put(SortedMap<Long, Long> words, long address, int width, long entry) {
        long word = words.getOrDefault(address & ~7L, 0L);
        if (width == 8) {
            words.put(address, entry);
        } else {
            int shift = (int) (address & 4) * 8;
            words.put(address & ~7L, word & ~(0xFFFF_FFFFL << shift) | (entry & 0xFFFF_FFFFL) << shift);
        }
    }

    private long flags(X86PagingMode mode, X86Level level, boolean leaf, CpuModel cpu) {
        long f = chance(0.93) ? 1 : 0;
        f |= chance(0.75) ? 2 : 0;
        f |= chance(0.75) ? 4 : 0;
        f |= chance(0.2) ? 8 : 0;
        f |= chance(0.2) ? 16 : 0;
        f |= chance(0.5) ? 0x20 : 0;
        f |= chance(leaf ? 0.3 : 0.1) ? 0x40 : 0;
        f |= chance(0.2) ? 0x100 : 0;
        f |= (long) random.nextInt(8) << 9;
        if (mode == X86PagingMode.BITS32) {
            return f;
        }
        f |= chance(0.2) ? 1L << 63 : 0;
        boolean longMode = mode == X86PagingMode.LEVEL4 || mode == X86PagingMode.LEVEL5;
        if (longMode && leaf && chance(0.4)) {
            f |= (long) random.nextInt(16) << 59;
        }
        if (longMode && !leaf && chance(0.1)) {
            f |= (long) random.nextInt(1 << 11) << 52;
        }
        if (leaf && level != X86Level.PT && chance(0.3)) {
            f |= 1L << 12;
        }
        return f;
    }

    /** One bit the SDM reserves (or, for the PSE-36 field, may reserve) in this entry. */
    private long reservedBit(CpuModel cpu, X86PagingMode mode, X86Level level, boolean leaf) {
        int m = cpu.maxPhysAddr();
        List<Integer> bits = new ArrayList<>();
        if (mode == X86PagingMode.BITS32) {
            if (level == X86Level.PD && leaf) {
                for (int b = 13; b <= 21; b++) {
                    bits.add(b);
                }
            }
        } else {
            for (int b = m; b <= (mode == X86PagingMode.PAE ? 62 : 51); b++) {
                bits.add(b);
            }
            if (leaf && level == X86Level.PD) {
                for (int b = 13; b <= 20; b++) {
                    bits.add(b);
                }
            }
            if (leaf && level == X86Level.PDPT) {
                for (int b = 13; b <= 29; b++) {
                    bits.add(b);
                }
            }
        }
        return bits.isEmpty() ? 0 : 1L << bits.get(random.nextInt(bits.size()));
    }

    private long freshPage(Set<Long> pages) {
        while (true) {
            long p = (0x100L + random.nextInt(0xE00)) << 12;
            if (pages.add(p)) {
                return p;
            }
        }
    }

    /**
     * A frame of the leaf's size within the mode's reach such that the accessed byte lies in no table page
     * and not just above RAM (where the QEMU harness sits).
     */
    private long frame(CpuModel cpu, X86PagingMode mode, X86Level level, Set<Long> pages, long la) {
        int shift = switch (level) {
            case PT -> 12;
            case PD -> mode == X86PagingMode.BITS32 ? 22 : 21;
            default -> 30;
        };
        int width = mode == X86PagingMode.BITS32 ? 32 : Math.min(cpu.maxPhysAddr(), 46);
        while (true) {
            long f = random.nextLong() & (1L << width) - 1 & -(1L << shift);
            if (chance(0.3)) {
                f = RAM + ((long) random.nextInt(64) << 22) & -(1L << shift);
            }
            long pa = f + (la & (1L << shift) - 1);
            if (mode == X86PagingMode.BITS32 && shift == 22 && chance(0.5)) {
                long high = random.nextInt(256);
                f |= high << 13;
                pa += high << 32;
            }
            long page = pa & -4096L;
            if (!pages.contains(page) && !(pa >= RAM && pa < RAM + 0x100000L)) {
                return f;
            }
        }
    }

    private long linear(X86PagingMode mode) {
        long la = random.nextLong();
        switch (mode) {
            case BITS32, PAE:
                return la & 0xFFFF_FFFFL;
            case LEVEL4:
                la = la << 16 >> 16;
                return chance(0.05) ? la ^ 1L << (48 + random.nextInt(16)) : la;
            default:
                la = la << 7 >> 7;
                return chance(0.05) ? la ^ 1L << (57 + random.nextInt(7)) : la;
        }
    }

    private static long index(X86PagingMode mode, X86Level level, long la) {
        if (mode == X86PagingMode.BITS32) {
            return level == X86Level.PD ? la >>> 22 & 0x3FF : la >>> 12 & 0x3FF;
        }
        if (mode == X86PagingMode.PAE && level == X86Level.PDPT) {
            return la >>> 30 & 3;
        }
        int shift = switch (level) {
            case PML5 -> 48;
            case PML4 -> 39;
            case PDPT -> 30;
            case PD -> 21;
            case PT -> 12;
        };
        return la >>> shift & 511;
    }
}
