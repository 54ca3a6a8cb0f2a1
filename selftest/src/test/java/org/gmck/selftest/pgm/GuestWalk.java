package org.gmck.selftest.pgm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.EntryField;
import org.gmck.spi.x86.EntryFlag;

/**
 * Reads where a guest's own tables map a linear address, straight from its guest physical memory: what a
 * fault about guest pages needs to know to pick the accesses it spoils. Rights, reserved bits and A and D
 * are not looked at; a missing entry or a table outside guest memory gives nothing.
 */
public final class GuestWalk {

    private static final long FRAME = EntryField.ADDRESS_64.mask();
    private static final long P = 1;
    private static final long PS = EntryFlag.PAGE_SIZE.mask();

    /** One guest entry the walk read. */
    public record Entry(long address, long value) {}

    /**
     * Where the guest maps a linear address.
     *
     * @param gcPhys    the guest physical address of the byte
     * @param pageBytes the size of the guest page it lies in (4 KB, 2 MB, 4 MB or 1 GB)
     * @param entries   the entries the walk read, top level first (a legacy PAE PDPTE first); the last is the leaf
     */
    public record Leaf(long gcPhys, long pageBytes, List<Entry> entries) {
        public Leaf {
            entries = List.copyOf(entries);
        }

        /** Whether a large page maps the address. */
        public boolean large() {
            return pageBytes > 0x1000;
        }

        /** The linear address of the large page's first byte, for the linear address walked. */
        public long base(long linear) {
            return linear & -pageBytes;
        }
    }

    private GuestWalk() {}

    /** Walks the guest's tables the registers name; empty without a translation. */
    public static Optional<Leaf> walk(GuestPhysicalMemory memory, ControlRegisters registers, long linear) {
        if (registers == null || (registers.cr0() & ControlRegisters.CR0_PG) == 0) {
            return Optional.of(new Leaf(linear, 0x1000, List.of()));
        }
        try {
            if ((registers.cr4() & ControlRegisters.CR4_PAE) == 0) {
                return bit32(memory, registers, linear);
            }
            boolean longMode = (registers.efer() & ControlRegisters.EFER_LME) != 0;
            return longMode
                    ? levels(memory, registers.cr3() & FRAME, linear, new int[] {39, 30, 21, 12}, false)
                    : levels(
                            memory,
                            EntryField.PAE_PDPT_IN_CR3.of(registers.cr3()),
                            linear,
                            new int[] {30, 21, 12},
                            true);
        } catch (RejectedException outsideMemory) {
            return Optional.empty();
        }
    }

    private static Optional<Leaf> bit32(GuestPhysicalMemory memory, ControlRegisters registers, long linear) {
        List<Entry> entries = new ArrayList<>();
        long pdeAddress = EntryField.ADDRESS_32.of(registers.cr3()) + (linear >>> 22 & 0x3FF) * 4;
        long pde = memory.read(pdeAddress, 4);
        entries.add(new Entry(pdeAddress, pde));
        if ((pde & P) == 0) {
            return Optional.empty();
        }
        if ((pde & PS) != 0 && (registers.cr4() & ControlRegisters.CR4_PSE) != 0) {
            long frame = EntryField.FRAME_4M.of(pde) | EntryField.PSE36_HIGH.valueOf(pde) << 32;
            return Optional.of(new Leaf(frame | linear & 0x3F_FFFF, 4L << 20, entries));
        }
        long pteAddress = EntryField.ADDRESS_32.of(pde) + (linear >>> 12 & 0x3FF) * 4;
        long pte = memory.read(pteAddress, 4);
        entries.add(new Entry(pteAddress, pte));
        if ((pte & P) == 0) {
            return Optional.empty();
        }
        return Optional.of(new Leaf(EntryField.ADDRESS_32.of(pte) | linear & 0xFFF, 0x1000, entries));
    }

    private static Optional<Leaf> levels(
            GuestPhysicalMemory memory, long root, long linear, int[] shifts, boolean legacyPae) {
        List<Entry> entries = new ArrayList<>();
        long table = root;
        for (int i = 0; i < shifts.length; i++) {
            int bits = legacyPae && i == 0 ? 2 : 9;
            long address = table + (linear >>> shifts[i] & (1L << bits) - 1) * 8;
            long entry = memory.read(address, 8);
            entries.add(new Entry(address, entry));
            if ((entry & P) == 0) {
                return Optional.empty();
            }
            long bytes = 1L << shifts[i];
            boolean leaf = i == shifts.length - 1 || (entry & PS) != 0 && !(legacyPae && i == 0) && bytes <= 1L << 30;
            if (leaf) {
                return Optional.of(new Leaf(entry & FRAME & -bytes | linear & bytes - 1, bytes, entries));
            }
            table = entry & FRAME;
        }
        return Optional.empty();
    }
}
