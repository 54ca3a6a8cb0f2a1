package org.gmck.reference.x86;

import org.gmck.spi.x86.CpuModel;

/**
 * The reserved-bit masks of every {@link EntryFormat} for one CPU model, worked out once from the formats'
 * bit-layout tables, so that a walk does not derive them again for every entry it reads. Frame addresses
 * are decoded by the format's table, which also moves the PSE-36 bits of a 4 MiB PDE into place.
 */
final class FormatMasks {

    private final int pse36Width;
    private final long[] reservedWithoutNx;
    private final long[] reservedWithNx;

    FormatMasks(CpuModel cpu) {
        int maxPhysAddr = cpu.maxPhysAddr();
        pse36Width = PagingState.pse36Width(cpu);
        EntryFormat[] formats = EntryFormat.values();
        reservedWithoutNx = new long[formats.length];
        reservedWithNx = new long[formats.length];
        for (EntryFormat f : formats) {
            reservedWithoutNx[f.ordinal()] = f.reservedMask(maxPhysAddr, pse36Width, false);
            reservedWithNx[f.ordinal()] = f.reservedMask(maxPhysAddr, pse36Width, true);
        }
    }

    long reservedMask(EntryFormat format, boolean nxe) {
        return nxe ? reservedWithNx[format.ordinal()] : reservedWithoutNx[format.ordinal()];
    }

    long frameAddress(EntryFormat format, long entry) {
        return format.frameAddress(entry, pse36Width);
    }
}
