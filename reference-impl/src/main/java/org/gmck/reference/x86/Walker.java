package org.gmck.reference.x86;

import java.util.List;
import org.gmck.reference.x86.WalkTrace.Ending;
import org.gmck.spi.x86.Access;
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
import org.gmck.spi.x86.X86Arguments;
import org.gmck.spi.x86.X86PagingMode;

/**
 * One page walk (SDM Vol. 3A, 4.3 to 4.5), top-down, in the order the fault precedence needs:
 * <ol>
 *   <li>in IA-32e mode, a non-canonical address is #GP before any entry is read;</li>
 *   <li>at each level, a not-present entry ends the walk with #PF (P=0);</li>
 *   <li>then a reserved bit in that present entry ends it with #PF (P=1, RSVD=1);</li>
 *   <li>only a complete walk reaches the access-rights checks (#PF P=1, PK when a key refused).</li>
 * </ol>
 * On success the A flag is set in every entry used (never in a PAE PDPTE register) and, for a write, D
 * in the leaf. A faulting walk changes no entry (interpretation I-X86-1).
 */
final class Walker {

    private static final long ACCESSED = EntryFlag.ACCESSED.mask();
    private static final long DIRTY = EntryFlag.DIRTY.mask();
    private static final long PRESENT = EntryFlag.PRESENT.mask();
    private static final long RW = EntryFlag.WRITABLE.mask();
    private static final long US = EntryFlag.USER.mask();
    private static final long TABLE_BASE_32 = EntryField.ADDRESS_32.mask();
    /** CR3 bits 51:12; the register load already refused bits at or above MAXPHYADDR. */
    private static final long TABLE_BASE_LONG = EntryField.ADDRESS_64.mask();

    /** Every combination of rights a leaf can give, made once: a walk hands out a shared instance. */
    private static final Rights[] RIGHTS = new Rights[8 * 16];

    static {
        for (int i = 0; i < RIGHTS.length; i++) {
            RIGHTS[i] = new Rights((i & 1) != 0, (i & 2) != 0, (i & 4) != 0, i >>> 3);
        }
    }

    /** The most entries one walk reads (5-level paging). */
    private static final int MOST_LEVELS = 5;

    private final CpuModel cpu;
    private final GuestMemory memory;
    private final FormatMasks masks;
    private final boolean has1GbPages;
    /**
     * The address and value of each entry the walk in progress has read, top first: scratch space of this
     * walker (an MMU walks one access at a time), so that a walk allocates only the outcome it returns.
     */
    private final long[] usedAddress = new long[MOST_LEVELS];

    private final long[] usedValue = new long[MOST_LEVELS];

    /**
     * How the last walk ended, scratch as the entries are, set by {@link #run} before it returns: a translated
     * walk's levels, number of entries used, physical address, page size and rights; a page fault's error code.
     */
    private Level[] levels;

    private int count;
    private long physical;
    private PageSize size;
    private Rights rights;
    private int errorCode;

    Walker(CpuModel cpu, GuestMemory memory) {
        this.cpu = cpu;
        this.memory = memory;
        this.masks = new FormatMasks(cpu);
        this.has1GbPages = cpu.has(CpuFeature.PAGE_1GB);
    }

    /** Walks for an access the SPI's argument checks have passed ({@link X86Arguments#checkAccess}). */
    AccessOutcome walk(Access access, PagingState state, boolean ac, int pkru, int pkrs) {
        return switch (run(access, state, ac, pkru, pkrs)) {
            case TRANSLATED -> new Translated(physical, size, rights, entriesUsed());
            case PAGE_FAULT -> new PageFault(errorCode, access.linearAddress());
            case GENERAL_PROTECTION -> new GeneralProtection(GpReason.NON_CANONICAL_ADDRESS);
        };
    }

    /**
     * Walks as {@link #walk} does, with the same effect on the entries, and says only whether the access
     * translated: no outcome is built.
     */
    boolean translates(Access access, PagingState state, boolean ac, int pkru, int pkrs) {
        return run(access, state, ac, pkru, pkrs) == Ending.TRANSLATED;
    }

    /** Walks as {@link #walk} does, with the same effect on the entries, into a trace instead of an outcome. */
    void walk(Access access, PagingState state, boolean ac, int pkru, int pkrs, WalkTrace into) {
        Ending ending = run(access, state, ac, pkru, pkrs);
        into.ended(ending, physical, errorCode, count);
        for (int i = 0; i < count; i++) {
            into.entry(i, levels[i].spiLevel(), usedAddress[i], usedValue[i]);
        }
    }

    /** Walks, leaving how it ended in this walker's scratch fields; returns the kind of ending. */
    private Ending run(Access access, PagingState state, boolean ac, int pkru, int pkrs) {
        count = 0; // entries used: none until a translation says how many
        long la = access.linearAddress();
        X86PagingMode mode = state.mode();
        if (mode == X86PagingMode.NONE) {
            return translated(la, PageSize.UNPAGED, Rights.ALL, Level.of(mode), 0);
        }
        boolean ia32e = state.ia32e();
        int width = mode == X86PagingMode.LEVEL5 ? 57 : 48;
        if (ia32e && (la << (64 - width) >> (64 - width)) != la) {
            return Ending.GENERAL_PROTECTION;
        }
        boolean cr4Pse = state.cr4(ControlRegisters.CR4_PSE);
        boolean nxe = state.nxeActive();
        Level[] levels = Level.of(mode);
        boolean writable = true;
        boolean user = true;
        boolean executeDisabled = false;
        long table = topTable(state);
        // The last level of every mode holds only leaves, so the walk ends at one before it runs out of levels.
        for (int count = 0; ; count++) {
            Level level = levels[count];
            long address;
            long entry;
            if (level == Level.PDPT_PAE) {
                int index = (int) ((la >>> 30) & 3);
                address = state.pdptAddress() + 8L * index;
                entry = state.pdptes()[index];
            } else {
                address = level.entryAddress(table, la);
                entry = read(level, address);
            }
            if ((entry & PRESENT) == 0) {
                return pageFault(errorCodeBase(access, state));
            }
            EntryFormat format = level.format(entry, cr4Pse, has1GbPages);
            if ((entry & masks.reservedMask(format, nxe)) != 0) {
                return pageFault(errorCodeBase(access, state) | PageFault.P | PageFault.RSVD);
            }
            usedAddress[count] = address;
            usedValue[count] = entry;
            if (format.hasAccessRights()) {
                writable &= (entry & RW) != 0;
                user &= (entry & US) != 0;
                executeDisabled |= nxe && format.executeDisabled(entry);
            }
            long frame = masks.frameAddress(format, entry);
            if (format.isLeaf()) {
                int key = ia32e && (state.cr4(ControlRegisters.CR4_PKE) || state.cr4(ControlRegisters.CR4_PKS))
                        ? format.protectionKey(entry)
                        : 0;
                Rights granted = rights(writable, user, !executeDisabled, key);
                return finish(access, state, ac, pkru, pkrs, levels, count + 1, granted, format.leafSize(), frame);
            }
            table = frame;
        }
    }

    /** The entries a walk used, as the immutable list a {@link Translated} keeps (built once, not copied again). */
    private List<EntryUse> entriesUsed() {
        return switch (count) {
            case 0 -> List.of();
            case 1 -> List.of(use(0));
            case 2 -> List.of(use(0), use(1));
            case 3 -> List.of(use(0), use(1), use(2));
            case 4 -> List.of(use(0), use(1), use(2), use(3));
            default -> List.of(use(0), use(1), use(2), use(3), use(4));
        };
    }

    private EntryUse use(int i) {
        return new EntryUse(levels[i].spiLevel(), usedAddress[i], usedValue[i]);
    }

    private static Rights rights(boolean writable, boolean user, boolean executable, int key) {
        return RIGHTS[(writable ? 1 : 0) | (user ? 2 : 0) | (executable ? 4 : 0) | key << 3];
    }

    private Ending finish(
            Access access,
            PagingState state,
            boolean ac,
            int pkru,
            int pkrs,
            Level[] levels,
            int used,
            Rights granted,
            PageSize leafSize,
            long frame) {
        AccessControl.Verdict verdict =
                AccessControl.check(granted, access.kind(), access.privilege(), state, ac, pkru, pkrs);
        if (verdict.refused()) {
            return pageFault(errorCodeBase(access, state) | PageFault.P | (verdict.keyRefused() ? PageFault.PK : 0));
        }
        setAccessedAndDirty(used, access.kind() == AccessKind.WRITE, state.mode());
        long offset = access.linearAddress() & ((1L << leafSize.shift()) - 1);
        return translated(frame | offset, leafSize, granted, levels, used);
    }

    private Ending translated(long physical, PageSize size, Rights rights, Level[] levels, int count) {
        this.physical = physical;
        this.size = size;
        this.rights = rights;
        this.levels = levels;
        this.count = count;
        return Ending.TRANSLATED;
    }

    private Ending pageFault(int errorCode) {
        this.errorCode = errorCode;
        return Ending.PAGE_FAULT;
    }

    private void setAccessedAndDirty(int used, boolean write, X86PagingMode mode) {
        for (int i = mode == X86PagingMode.PAE ? 1 : 0; i < used; i++) {
            long bits = ACCESSED | (write && i == used - 1 ? DIRTY : 0);
            if ((usedValue[i] & bits) == bits) {
                continue;
            }
            long address = usedAddress[i];
            if (mode == X86PagingMode.BITS32) {
                memory.write32(address, memory.read32(address) | (int) bits);
            } else {
                memory.write64(address, memory.read64(address) | bits);
            }
        }
    }

    private long read(Level level, long address) {
        return level.entryBytes() == 4 ? Integer.toUnsignedLong(memory.read32(address)) : memory.read64(address);
    }

    private long topTable(PagingState state) {
        long cr3 = state.registers().cr3();
        return state.ia32e() ? cr3 & TABLE_BASE_LONG : cr3 & TABLE_BASE_32;
    }

    /** W/R, U/S and I/D describe the access itself (SDM 4.7). */
    private static int errorCodeBase(Access access, PagingState state) {
        int code = access.kind() == AccessKind.WRITE ? PageFault.W : 0;
        code |= access.privilege() == Privilege.USER ? PageFault.U : 0;
        boolean reportsFetch = state.cr4(ControlRegisters.CR4_SMEP) || state.nxeActive();
        code |= access.kind() == AccessKind.FETCH && reportsFetch ? PageFault.ID : 0;
        return code;
    }
}
