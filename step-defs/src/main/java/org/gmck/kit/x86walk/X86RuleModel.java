package org.gmck.kit.x86walk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.EntryField;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.EntryUse;
import org.gmck.spi.x86.GeneralProtection;
import org.gmck.spi.x86.GpReason;
import org.gmck.spi.x86.PageFault;
import org.gmck.spi.x86.PageSize;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.Rights;
import org.gmck.spi.x86.Translated;
import org.gmck.spi.x86.X86Mmu;
import org.gmck.spi.x86.X86PagingMode;

/**
 * The kit's own statement of x86 paging as tables, in the style of Linux KVM's guest-walker model, written
 * independently of any walker: reserved-bit masks indexed by (bit 7, level), a permission bitmap per
 * error-code class over the eight (user, write, execute) rights, and a protection-key mask per class.
 * It does not walk memory: it reads the entries of a {@link WalkSpec}'s path, which the case builder
 * laid out, and says what the SDM requires of the access.
 */
public final class X86RuleModel {

    /** Rights of a translation, as a 3-bit index into the permission bitmaps. */
    private static final int ACC_EXEC = 1;

    private static final int ACC_WRITE = 2;
    private static final int ACC_USER = 4;
    /** Error-code class bit standing for "SMAP is waived" (the slot KVM borrows from RSVD). */
    private static final int PFEC_SMAP_WAIVED = PageFault.RSVD;

    private static final long BIT_P = EntryFlag.PRESENT.mask();
    private static final long BIT_RW = EntryFlag.WRITABLE.mask();
    private static final long BIT_US = EntryFlag.USER.mask();
    private static final long BIT_A = EntryFlag.ACCESSED.mask();
    private static final long BIT_D = EntryFlag.DIRTY.mask();
    private static final long BIT_PS = EntryFlag.PAGE_SIZE.mask();
    private static final long BIT_XD = EntryFlag.EXECUTE_DISABLE.mask();

    private X86RuleModel() {}

    /**
     * What the model requires: the outcome, whether it happened at the register load, and memory after.
     * {@code accessedMayBeSet} holds the addresses of the non-leaf entries a faulting walk checked before the
     * fault: the SDM lets a processor set A in them (X86-AD-3 requires only the leaf to stay unchanged), so
     * {@code memoryAfter}'s "no change" there is asked only by the SHOULD X86-AD-4 (I-X86-1).
     * {@code decidedBy} names the catalogue rules that decide the outcome: the ones an implementation that
     * answers otherwise breaks.
     */
    public record Expectation(
            AccessOutcome outcome,
            boolean atLoad,
            List<MemoryWord> memoryAfter,
            List<Long> accessedMayBeSet,
            List<String> decidedBy) {

        Expectation(AccessOutcome outcome, boolean atLoad, List<MemoryWord> memoryAfter, List<String> decidedBy) {
            this(outcome, atLoad, memoryAfter, List.of(), decidedBy);
        }
    }

    /** Bits {@code low..high} set (empty when high < low). */
    static long rsvdBits(int low, int high) {
        if (high < low) {
            return 0;
        }
        return (-1L >>> (63 - high)) & (-1L << low);
    }

    /**
     * The reserved masks: {@code [bit7][level-1]}, level 1 = PT up to 5 = PML5, for a mode and CPU (KVM's
     * {@code __reset_rsvds_bits_mask}, with the SDM's PSE-36 width instead of KVM's fixed 36).
     * For PAE, level 3 is the PDPTE register; in 32-bit paging the 4 MiB mask applies only under CR4.PSE.
     */
    static long[][] reservedMasks(X86PagingMode mode, CpuModel cpu, boolean nxe, boolean pse) {
        long[][] m = new long[2][5];
        int maxPhys = cpu.maxPhysAddr();
        long exb = nxe ? 0 : BIT_XD;
        switch (mode) {
            case BITS32 -> {
                int pse36 = cpu.has(CpuFeature.PSE36) ? Math.min(40, maxPhys) : 32;
                m[1][1] = pse ? rsvdBits(pse36 - 19, 21) : 0;
            }
            case PAE -> {
                long high = rsvdBits(maxPhys, 62);
                m[0][2] = rsvdBits(63, 63) | rsvdBits(5, 8) | rsvdBits(1, 2) | high;
                m[1][2] = m[0][2];
                m[0][1] = exb | high;
                m[0][0] = exb | high;
                m[1][1] = exb | high | rsvdBits(13, 20);
                m[1][0] = m[0][0];
            }
            case LEVEL4, LEVEL5 -> {
                long high = rsvdBits(maxPhys, 51);
                long gbpages = cpu.has(CpuFeature.PAGE_1GB) ? 0 : BIT_PS;
                m[0][4] = exb | BIT_PS | high;
                m[1][4] = m[0][4];
                m[0][3] = exb | BIT_PS | high;
                m[1][3] = m[0][3];
                m[0][2] = exb | high;
                m[1][2] = exb | gbpages | high | rsvdBits(13, 29);
                m[0][1] = exb | high;
                m[1][1] = exb | high | rsvdBits(13, 20);
                m[0][0] = exb | high;
                m[1][0] = m[0][0];
            }
            default -> {}
        }
        return m;
    }

    /**
     * The permission bitmaps (KVM's {@code update_permission_bitmask}): for each error-code class
     * ({@code pfec >> 1} over W, U, SMAP-waived, fetch) a byte whose bit {@code acc} is set when rights
     * {@code acc} refuse the access.
     */
    static int[] permissionBitmaps(boolean wp, boolean smep, boolean smap) {
        int x = 0;
        int w = 0;
        int u = 0;
        for (int acc = 0; acc < 8; acc++) {
            x |= (acc & ACC_EXEC) != 0 ? 1 << acc : 0;
            w |= (acc & ACC_WRITE) != 0 ? 1 << acc : 0;
            u |= (acc & ACC_USER) != 0 ? 1 << acc : 0;
        }
        int[] permissions = new int[16];
        for (int index = 0; index < 16; index++) {
            int pfec = index << 1;
            boolean userAccess = (pfec & PageFault.U) != 0;
            boolean fetch = (pfec & PageFault.ID) != 0;
            int wf = (pfec & PageFault.W) != 0 ? ~w & 0xFF : 0;
            int uf = userAccess ? ~u & 0xFF : 0;
            int ff = fetch ? ~x & 0xFF : 0;
            int kf = userAccess ? 0 : u;
            if (!wp) {
                wf = userAccess ? wf : 0;
            }
            int smepf = smep && fetch ? kf : 0;
            int smapf = smap && (pfec & (PFEC_SMAP_WAIVED | PageFault.ID)) == 0 ? kf : 0;
            permissions[index] = ff | uf | wf | smepf | smapf;
        }
        return permissions;
    }

    /**
     * The protection-key masks (KVM's {@code update_pkru_bitmask}): for each error-code class and page
     * kind (user or supervisor), 2 bits saying whether the key's AD bit (1) and WD bit (2) count.
     */
    static int[][] keyMasks(boolean pke, boolean pks, boolean wp) {
        int[][] masks = new int[2][16];
        for (int userPage = 0; userPage < 2; userPage++) {
            for (int index = 0; index < 16; index++) {
                int pfec = index << 1;
                boolean fetch = (pfec & PageFault.ID) != 0;
                boolean check = !fetch && (userPage == 1 ? pke : pks);
                boolean checkWrite = check && (pfec & PageFault.W) != 0 && ((pfec & PageFault.U) != 0 || wp);
                masks[userPage][index] = (check ? 1 : 0) | (checkWrite ? 2 : 0);
            }
        }
        return masks;
    }

    /** What the SDM requires of the spec's register load and access. */
    public static Expectation expect(WalkSpec spec) {
        ControlRegisters r = spec.registers();
        X86PagingMode mode = r.pagingMode();
        CpuModel cpu = spec.cpu();
        boolean pae = (r.cr4() & ControlRegisters.CR4_PAE) != 0;
        boolean nxe = pae && (r.efer() & ControlRegisters.EFER_NXE) != 0;
        long[][] rsvd = reservedMasks(mode, cpu, nxe, (r.cr4() & ControlRegisters.CR4_PSE) != 0);
        List<MemoryWord> before = spec.memory();
        if (mode == X86PagingMode.PAE) {
            for (MemoryWord w : pdptes(spec)) {
                if ((w.value() & BIT_P) != 0 && (w.value() & rsvd[0][2]) != 0) {
                    return new Expectation(
                            new GeneralProtection(GpReason.BAD_PDPTE),
                            true,
                            before,
                            List.of("X86-PDPTE-2", "X86-PDPTE-5"));
                }
            }
        }
        long la = spec.access().linearAddress();
        if (mode == X86PagingMode.NONE) {
            return new Expectation(
                    new Translated(la, PageSize.UNPAGED, Rights.ALL, List.of()), false, before, List.of("X86-MODE-1"));
        }
        boolean ia32e = mode == X86PagingMode.LEVEL4 || mode == X86PagingMode.LEVEL5;
        int bits = mode == X86PagingMode.LEVEL5 ? 57 : 48;
        if (ia32e && (la >> (bits - 1)) != 0 && (la >> (bits - 1)) != -1) {
            return new Expectation(
                    new GeneralProtection(GpReason.NON_CANONICAL_ADDRESS),
                    false,
                    before,
                    List.of(mode == X86PagingMode.LEVEL5 ? "X86-CANON-2" : "X86-CANON-1"));
        }
        boolean fetch = spec.access().kind() == AccessKind.FETCH;
        boolean smep = (r.cr4() & ControlRegisters.CR4_SMEP) != 0;
        int pfec = (spec.access().kind() == AccessKind.WRITE ? PageFault.W : 0)
                | (spec.access().privilege() == Privilege.USER ? PageFault.U : 0)
                | (fetch && (smep || nxe) ? PageFault.ID : 0);
        int levels = mode.levels().size();
        int acc = ACC_EXEC | ACC_WRITE | ACC_USER;
        List<EntryUse> used = new ArrayList<>();
        for (int i = 0; i < spec.path().size(); i++) {
            WalkSpec.PathEntry e = spec.path().get(i);
            int level = levels - i;
            long pte = e.value();
            if ((pte & BIT_P) == 0) {
                return new Expectation(
                        new PageFault(pfec, la),
                        false,
                        before,
                        nonLeaf(mode, used, used.size()),
                        mode == X86PagingMode.PAE && level == 3
                                ? List.of("X86-RSVD-1", "X86-PDPTE-4")
                                : List.of("X86-RSVD-1"));
            }
            int bit7 = (int) ((pte >>> 7) & 1);
            if ((pte & rsvd[bit7][level - 1]) != 0) {
                return new Expectation(
                        new PageFault(pfec | PageFault.P | PageFault.RSVD, la),
                        false,
                        before,
                        nonLeaf(mode, used, used.size()),
                        reservedRules(mode, cpu, nxe, level, pte, pte & rsvd[bit7][level - 1]));
            }
            used.add(new EntryUse(e.level(), e.word().address(), pte));
            boolean paePdpte = mode == X86PagingMode.PAE && level == 3;
            if (!paePdpte) {
                acc &= ((pte & BIT_RW) != 0 ? ACC_WRITE : 0)
                        | ((pte & BIT_US) != 0 ? ACC_USER : 0)
                        | (nxe && (pte & BIT_XD) != 0 ? 0 : ACC_EXEC);
            }
            PageSize size = leafSize(mode, level, pte, r);
            if (size != null) {
                return leaf(spec, pfec, acc, used, size, pte, ia32e, before);
            }
        }
        throw new IllegalArgumentException("the path of " + spec.access() + " ends without a leaf");
    }

    private static Expectation leaf(
            WalkSpec spec,
            int pfec,
            int acc,
            List<EntryUse> used,
            PageSize size,
            long pte,
            boolean ia32e,
            List<MemoryWord> before) {
        ControlRegisters r = spec.registers();
        boolean wp = (r.cr0() & ControlRegisters.CR0_WP) != 0;
        boolean smep = (r.cr4() & ControlRegisters.CR4_SMEP) != 0;
        boolean smap = (r.cr4() & ControlRegisters.CR4_SMAP) != 0;
        boolean pke = ia32e && (r.cr4() & ControlRegisters.CR4_PKE) != 0;
        boolean pks = ia32e && (r.cr4() & ControlRegisters.CR4_PKS) != 0;
        boolean fetch = spec.access().kind() == AccessKind.FETCH;
        boolean ac = (spec.rflags() & X86Mmu.RFLAGS_AC) != 0;
        int index = ((pfec & ~PageFault.ID)
                        | (fetch ? PageFault.ID : 0)
                        | (spec.access().privilege() == Privilege.SUPERVISOR && ac ? PFEC_SMAP_WAIVED : 0))
                >> 1;
        boolean fault = ((permissionBitmaps(wp, smep, smap)[index] >> acc) & 1) != 0;
        int key = pke || pks ? (int) ((pte >>> 59) & 0xF) : 0;
        int userPage = (acc & ACC_USER) != 0 ? 1 : 0;
        int pkr = userPage == 1 ? spec.pkru() : spec.pkrs();
        int keyBits = (pkr >>> (key * 2)) & 3 & keyMasks(pke, pks, wp)[userPage][index];
        long la = spec.access().linearAddress();
        if (fault || keyBits != 0) {
            return new Expectation(
                    new PageFault(pfec | PageFault.P | (keyBits != 0 ? PageFault.PK : 0), la),
                    false,
                    before,
                    nonLeaf(r.pagingMode(), used, used.size() - 1),
                    refusalRules(spec, acc, index, wp, smep, smap, keyBits, userPage));
        }
        Rights rights = new Rights((acc & ACC_WRITE) != 0, userPage == 1, (acc & ACC_EXEC) != 0, key);
        long pa = frame(spec, size, pte) | (la & ((1L << size.shift()) - 1));
        return new Expectation(
                new Translated(pa, size, rights, used),
                false,
                after(spec, used),
                List.of(),
                translationRules(r.pagingMode(), size, spec.cpu()));
    }

    /** The rules that make a reserved-bit fault of these bits of an entry at this level. */
    private static List<String> reservedRules(
            X86PagingMode mode, CpuModel cpu, boolean nxe, int level, long pte, long bits) {
        List<String> rules = new ArrayList<>();
        int maxPhys = cpu.maxPhysAddr();
        long high = mode == X86PagingMode.PAE ? rsvdBits(maxPhys, 62) : rsvdBits(maxPhys, 51);
        if ((bits & high) != 0) {
            rules.add("X86-RSVD-2");
        }
        if (!nxe && (bits & BIT_XD) != 0) {
            rules.add("X86-RSVD-3");
        }
        boolean ps = (pte & BIT_PS) != 0;
        if ((mode == X86PagingMode.LEVEL4 || mode == X86PagingMode.LEVEL5) && level >= 4 && (bits & BIT_PS) != 0) {
            rules.add("X86-RSVD-4");
        }
        if (mode == X86PagingMode.BITS32 && ps && level == 2) {
            rules.add("X86-RSVD-6");
        } else if (ps && (level == 2 || level == 3) && (bits & rsvdBits(13, level == 2 ? 20 : 29)) != 0) {
            rules.add("X86-RSVD-5");
        }
        if (level == 3 && (bits & BIT_PS) != 0 && !cpu.has(CpuFeature.PAGE_1GB)) {
            rules.add("X86-LARGE-4");
        }
        if (mode == X86PagingMode.PAE && level == 3) {
            rules.add("X86-PDPTE-5");
        }
        return rules;
    }

    /** The rules that refuse a walk that reached its leaf: which rights and which keys forbid the access. */
    private static List<String> refusalRules(
            WalkSpec spec, int acc, int index, boolean wp, boolean smep, boolean smap, int keyBits, int userPage) {
        List<String> rules = new ArrayList<>();
        int pfec = index << 1;
        boolean user = (pfec & PageFault.U) != 0;
        boolean write = (pfec & PageFault.W) != 0;
        boolean fetch = (pfec & PageFault.ID) != 0;
        if (fetch && (acc & ACC_EXEC) == 0) {
            rules.add("X86-AR-3");
        }
        if (user && (acc & ACC_USER) == 0) {
            rules.add("X86-AR-4");
        }
        if (write && (acc & ACC_WRITE) == 0) {
            rules.add(user ? "X86-AR-5" : "X86-AR-6");
        }
        if (!user && (acc & ACC_USER) != 0) {
            if (smep && fetch) {
                rules.add("X86-SMEP-1");
            } else if (smap && !fetch) {
                rules.add(spec.access().privilege() == Privilege.IMPLICIT_SUPERVISOR ? "X86-SMAP-3" : "X86-SMAP-1");
            }
        }
        if ((keyBits & 1) != 0) {
            rules.add(userPage == 1 ? "X86-PK-1" : "X86-PK-3");
        }
        if ((keyBits & 2) != 0) {
            rules.add(userPage == 1 ? "X86-PK-2" : "X86-PK-3");
        }
        return rules;
    }

    /** The rules that make the walk translate as it does. */
    private static List<String> translationRules(X86PagingMode mode, PageSize size, CpuModel cpu) {
        List<String> rules = new ArrayList<>();
        rules.add(
                switch (mode) {
                    case BITS32 -> "X86-WALK-1";
                    case PAE -> "X86-WALK-2";
                    case LEVEL4 -> "X86-WALK-3";
                    default -> "X86-WALK-4";
                });
        rules.add("X86-WALK-5");
        switch (size) {
            case SIZE_4M -> rules.add(cpu.has(CpuFeature.PSE36) ? "X86-LARGE-2" : "X86-LARGE-1");
            case SIZE_2M -> rules.add("X86-LARGE-3");
            case SIZE_1G -> rules.add("X86-LARGE-4");
            default -> {}
        }
        return rules;
    }

    /** The addresses of the first {@code count} entries used, but a PAE PDPTE (its A is never set). */
    private static List<Long> nonLeaf(X86PagingMode mode, List<EntryUse> used, int count) {
        int first = mode == X86PagingMode.PAE ? 1 : 0;
        return used.subList(Math.min(first, count), count).stream()
                .map(EntryUse::address)
                .toList();
    }

    /** A and D after a successful access: A on every entry used but a PAE PDPTE, D on the leaf of a write. */
    private static List<MemoryWord> after(WalkSpec spec, List<EntryUse> used) {
        Map<Long, MemoryWord> memory = new LinkedHashMap<>();
        for (MemoryWord w : spec.memory()) {
            memory.put(w.address(), w);
        }
        boolean paeMode = spec.registers().pagingMode() == X86PagingMode.PAE;
        for (int i = paeMode ? 1 : 0; i < used.size(); i++) {
            long bits = BIT_A | (i == used.size() - 1 && spec.access().kind() == AccessKind.WRITE ? BIT_D : 0);
            MemoryWord w = memory.get(used.get(i).address());
            memory.put(w.address(), w.withValue(w.value() | bits));
        }
        return List.copyOf(memory.values());
    }

    /** The page size if the entry at this level is a leaf, else null. */
    private static PageSize leafSize(X86PagingMode mode, int level, long pte, ControlRegisters r) {
        boolean ps = (pte & BIT_PS) != 0;
        if (level == 1) {
            return PageSize.SIZE_4K;
        }
        if (mode == X86PagingMode.BITS32) {
            return ps && (r.cr4() & ControlRegisters.CR4_PSE) != 0 ? PageSize.SIZE_4M : null;
        }
        if (level == 2 && ps) {
            return PageSize.SIZE_2M;
        }
        return level == 3 && ps && mode != X86PagingMode.PAE ? PageSize.SIZE_1G : null;
    }

    private static long frame(WalkSpec spec, PageSize size, long pte) {
        int maxPhys = spec.cpu().maxPhysAddr();
        if (size == PageSize.SIZE_4M) {
            int pse36 = spec.cpu().has(CpuFeature.PSE36) ? Math.min(40, maxPhys) : 32;
            long high = (pte >>> EntryField.PSE36_HIGH.low()) & rsvdBits(0, pse36 - 33);
            return EntryField.FRAME_4M.of(pte) | (high << 32);
        }
        int top = spec.registers().pagingMode() == X86PagingMode.BITS32 ? 31 : maxPhys - 1;
        return pte & rsvdBits(size.shift(), top);
    }

    /** The four PDPTEs a PAE register load reads. */
    private static List<MemoryWord> pdptes(WalkSpec spec) {
        long base = EntryField.PAE_PDPT_IN_CR3.of(spec.registers().cr3());
        List<MemoryWord> result = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long address = base + 8L * i;
            result.add(spec.memory().stream()
                    .filter(w -> w.address() == address)
                    .findFirst()
                    .orElse(new MemoryWord(address, 8, 0)));
        }
        return result;
    }
}
