package org.gmck.selftest.x86;

import java.util.ArrayList;
import java.util.List;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.EntryField;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.X86Mmu;
import org.gmck.spi.x86.X86PagingMode;

/**
 * A {@link ForwardingX86Mmu} that remembers the registers in force and can read the path an address takes
 * through the paging structures in memory, so that a fault can act on what the walk will meet. The peek
 * follows present entries and stops at a leaf (PS in a PDE or PDPTE, or the PTE) or where a table lies outside
 * guest RAM; it checks nothing else.
 */
class TrackingX86Mmu extends ForwardingX86Mmu {

    /** One entry on the path. */
    record Step(int depth, long address, int width, long value, boolean leaf) {
        boolean present() {
            return EntryFlag.PRESENT.isSetIn(value);
        }

        boolean has(int bit) {
            return (value & (1L << bit)) != 0;
        }
    }

    protected ControlRegisters registers;
    protected int pkru;
    protected int pkrs;
    protected long rflags;

    TrackingX86Mmu(X86Mmu real) {
        super(real);
    }

    @Override
    public LoadOutcome loadControlRegisters(ControlRegisters r) {
        LoadOutcome outcome = real.loadControlRegisters(r);
        if (outcome instanceof Loaded) {
            registers = r;
        }
        return outcome;
    }

    @Override
    public void setPkru(int value) {
        real.setPkru(value);
        pkru = value;
    }

    @Override
    public void setPkrs(int value) {
        real.setPkrs(value);
        pkrs = value;
    }

    @Override
    public void setRflags(long value) {
        real.setRflags(value);
        rflags = value;
    }

    X86PagingMode mode() {
        return registers == null ? X86PagingMode.NONE : registers.pagingMode();
    }

    boolean ia32e() {
        return mode() == X86PagingMode.LEVEL4 || mode() == X86PagingMode.LEVEL5;
    }

    boolean cr4(long bit) {
        return registers != null && (registers.cr4() & bit) != 0;
    }

    boolean wp() {
        return registers != null && (registers.cr0() & ControlRegisters.CR0_WP) != 0;
    }

    /** The entries the address meets in memory, top first, up to a not-present entry or a leaf. */
    List<Step> path(long la) {
        List<Step> steps = new ArrayList<>();
        X86PagingMode mode = mode();
        if (mode == X86PagingMode.NONE) {
            return steps;
        }
        int levels = mode.levels().size();
        long table = mode == X86PagingMode.PAE
                ? EntryField.PAE_PDPT_IN_CR3.of(registers.cr3())
                : mode == X86PagingMode.BITS32
                        ? EntryField.ADDRESS_32.of(registers.cr3())
                        : EntryField.ADDRESS_64.of(registers.cr3());
        for (int depth = 0; depth < levels; depth++) {
            int remaining = levels - 1 - depth;
            long index;
            int width = mode.entryBytes();
            if (mode == X86PagingMode.BITS32) {
                index = (la >>> (12 + 10 * remaining)) & 0x3FF;
            } else if (mode == X86PagingMode.PAE && depth == 0) {
                index = (la >>> 30) & 3;
            } else {
                index = (la >>> (12 + 9 * remaining)) & 0x1FF;
            }
            long address = table + index * width;
            long value;
            try {
                value = width == 4
                        ? Integer.toUnsignedLong(real.readPhysical32(address))
                        : real.readPhysical64(address);
            } catch (RejectedException outsideRam) {
                break;
            }
            boolean ps = EntryFlag.PAGE_SIZE.isSetIn(value);
            boolean leafLevel = remaining == 0
                    || (remaining == 1 && ps && (mode != X86PagingMode.BITS32 || cr4(ControlRegisters.CR4_PSE)))
                    || (remaining == 2 && ps && (mode == X86PagingMode.LEVEL4 || mode == X86PagingMode.LEVEL5));
            Step step = new Step(depth, address, width, value, leafLevel);
            steps.add(step);
            if (!step.present() || leafLevel) {
                break;
            }
            table = (width == 4 ? EntryField.ADDRESS_32 : EntryField.ADDRESS_64).of(value);
        }
        return steps;
    }

    /** Writes an entry back with the given value, at its width. */
    void store(Step step, long value) {
        if (step.width() == 4) {
            real.writePhysical32(step.address(), (int) value);
        } else {
            real.writePhysical64(step.address(), value);
        }
    }

    /** The entry as it is in memory now. */
    long load(Step step) {
        return step.width() == 4
                ? Integer.toUnsignedLong(real.readPhysical32(step.address()))
                : real.readPhysical64(step.address());
    }
}
