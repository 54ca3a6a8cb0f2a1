package org.gmck.kit.x86model;

import java.util.ArrayList;
import java.util.List;
import org.gmck.kit.x86walk.PathBuilder;
import org.gmck.kit.x86walk.WalkSpec;
import org.gmck.kit.x86walk.X86Defaults;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.EntryField;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.PageSize;
import org.gmck.spi.x86.X86Mmu;
import org.gmck.spi.x86.X86PagingMode;

/**
 * A random page-table hierarchy for one access, in compact codes that QuickTheories shrinks towards
 * zero: the paging mode, the leaf size, one code per entry (which flags, which key, which stray bit), the
 * control bits, PKRU and PKRS, MAXPHYADDR and the access.
 *
 * @param mode      0 = 32-bit, 1 = PAE, 2 = 4-level, 3 = 5-level
 * @param leaf      index into the mode's leaf sizes
 * @param entries   one code per level, top first (extra codes unused)
 * @param controls  bits: WP, SMEP, SMAP, AC, PKE, PKS, NXE, PSE, no PSE-36, no 1 GB pages
 * @param keys      PKRU in the low half, PKRS pattern in the high half
 * @param access    index into the kinds of access, and the page offset above bit 3
 * @param maxPhys   index into 36, 40, 46, 52
 */
public record RandomHierarchy(
        int mode, int leaf, List<Integer> entries, int controls, long keys, int access, int maxPhys) {

    private static final X86PagingMode[] MODES = {
        X86PagingMode.BITS32, X86PagingMode.PAE, X86PagingMode.LEVEL4, X86PagingMode.LEVEL5
    };
    private static final int[] MAX_PHYS = {36, 40, 46, 52};

    X86PagingMode pagingMode() {
        return MODES[mode];
    }

    static List<PageSize> leafSizes(X86PagingMode mode) {
        return switch (mode) {
            case BITS32 -> List.of(PageSize.SIZE_4K, PageSize.SIZE_4M);
            case PAE -> List.of(PageSize.SIZE_4K, PageSize.SIZE_2M);
            default -> List.of(PageSize.SIZE_4K, PageSize.SIZE_2M, PageSize.SIZE_1G);
        };
    }

    /** The spec of this hierarchy, laid out by {@link PathBuilder}. */
    WalkSpec spec() {
        X86PagingMode m = pagingMode();
        List<PageSize> sizes = leafSizes(m);
        PageSize size = sizes.get(leaf % sizes.size());
        boolean pse = bit(controls, 7);
        if (size == PageSize.SIZE_4M && !pse) {
            size = PageSize.SIZE_4K;
        }
        int maxPhysAddr = MAX_PHYS[maxPhys];
        List<CpuFeature> missing = new ArrayList<>();
        if (bit(controls, 8)) {
            missing.add(CpuFeature.PSE36);
        }
        if (bit(controls, 9)) {
            missing.add(CpuFeature.PAGE_1GB);
        }
        CpuModel cpu = X86Defaults.cpuWithout(maxPhysAddr, missing.toArray(CpuFeature[]::new));
        int depth = PathBuilder.depth(m, size);
        long[] flags = new long[depth];
        for (int i = 0; i < depth; i++) {
            flags[i] = entryBits(entries.get(i), i == depth - 1, m, maxPhysAddr);
        }
        ControlRegisters regs = ControlRegisters.forMode(m, 0)
                .withCr0(bit(controls, 0) ? ControlRegisters.CR0_WP : 0)
                .withCr4((bit(controls, 1) ? ControlRegisters.CR4_SMEP : 0)
                        | (bit(controls, 2) ? ControlRegisters.CR4_SMAP : 0)
                        | (bit(controls, 4) ? ControlRegisters.CR4_PKE : 0)
                        | (bit(controls, 5) ? ControlRegisters.CR4_PKS : 0)
                        | (pse ? ControlRegisters.CR4_PSE : 0))
                .withEfer(bit(controls, 6) ? ControlRegisters.EFER_NXE : 0);
        Access kind = X86FixtureGenerator.ACCESS_KINDS.get((access & 7));
        long la = (X86FixtureGenerator.linear(m, access >>> 3) & ~0xFFFL) | ((access >>> 3) & 0xFFF);
        return PathBuilder.build(
                cpu,
                regs,
                bit(controls, 3) ? X86Mmu.RFLAGS_AC : 0,
                (int) keys,
                (int) (keys >>> 32),
                size,
                flags,
                new Access(la, kind.kind(), kind.privilege()));
    }

    private static boolean bit(int value, int index) {
        return (value & (1 << index)) != 0;
    }

    /**
     * Entry code: bits 0-1 present unless both clear, 2 R/W, 3 U/S, 4 A, 5 D, 6 XD, 7-10 key, 11 a stray
     * bit whose index is bits 12-17 (never an address bit of a table pointer, which would move the walk).
     */
    static long entryBits(int code, boolean isLeaf, X86PagingMode mode, int maxPhysAddr) {
        long bits = (code & 3) != 0 ? EntryFlag.PRESENT.mask() : 0;
        bits |= bit(code, 2) ? EntryFlag.WRITABLE.mask() : 0;
        bits |= bit(code, 3) ? EntryFlag.USER.mask() : 0;
        bits |= bit(code, 4) ? EntryFlag.ACCESSED.mask() : 0;
        bits |= bit(code, 5) ? EntryFlag.DIRTY.mask() : 0;
        int width = 8 * mode.entryBytes();
        bits |= bit(code, 6) && width == 64 ? EntryFlag.EXECUTE_DISABLE.mask() : 0;
        bits |= width == 64 ? (long) ((code >>> 7) & 0xF) << EntryField.PROTECTION_KEY.low() : 0;
        if (bit(code, 11)) {
            int stray = (code >>> 12) & 63;
            boolean tableAddress = !isLeaf && stray >= 12 && stray < Math.min(maxPhysAddr, width);
            if (stray < width && !tableAddress) {
                bits |= 1L << stray;
            }
        }
        return bits;
    }
}
