package org.gmck.reference.x86;

import org.gmck.spi.x86.CpuModel;

/**
 * The reserved-bit masks and frame-address masks of every {@link EntryFormat} for one CPU model, worked out
 * once from the formats' bit-layout tables, so that a walk does not derive them again for every entry it
 * reads. A format whose frame address is not a plain mask of the entry (PSE-36 moves bits) is still
 * decoded by its table.
 */
final class FormatMasks {

    private final int maxPhysAddr;
    private final int pse36Width;
    private final long[] reservedWithoutNx;
    private final long[] reservedWithNx;
    private final long[] frameMask;
    private final boolean[] plainMask;

    FormatMasks(CpuModel cpu) {
        maxPhysAddr = cpu.maxPhysAddr();
        pse36Width = PagingState.pse36Width(cpu);
        EntryFormat[] formats = EntryFormat.values();
        reservedWithoutNx = new long[formats.length];
        reservedWithNx = new long[formats.length];
        frameMask = new long[formats.length];
        plainMask = new boolean[formats.length];
        for (EntryFormat f : formats) {
            int i = f.ordinal();
            reservedWithoutNx[i] = f.reservedMask(maxPhysAddr, pse36Width, false);
            reservedWithNx[i] = f.reservedMask(maxPhysAddr, pse36Width, true);
            frameMask[i] = f.frameAddress(-1L, pse36Width);
            plainMask[i] = isPlainMask(f, frameMask[i]);
        }
    }

    /** Whether the table's frame address of every single-bit entry is that bit under the mask. */
    private boolean isPlainMask(EntryFormat f, long mask) {
        for (int bit = 0; bit < Long.SIZE; bit++) {
            long entry = 1L << bit;
            if (f.frameAddress(entry, pse36Width) != (entry & mask)) {
                return false;
            }
        }
        return true;
    }

    long reservedMask(EntryFormat format, boolean nxe) {
        return nxe ? reservedWithNx[format.ordinal()] : reservedWithoutNx[format.ordinal()];
    }

    long frameAddress(EntryFormat format, long entry) {
        int i = format.ordinal();
        return plainMask[i] ? entry & frameMask[i] : format.frameAddress(entry, pse36Width);
    }
}
