package org.gmck.reference.pgm.shadow;

import org.gmck.reference.pgm.phys.PageContents;
import org.gmck.spi.x86.X86Mmu;

/**
 * Guest memory contents as the guest sees them, keyed by guest physical address, kept in the x86 MMU that
 * walks the guest's own tables. Moving contents between host pages changes nothing here.
 */
final class GuestView implements PageContents {

    private final X86Mmu guest;

    GuestView(X86Mmu guest) {
        this.guest = guest;
    }

    @Override
    public long read(long gcPhys, long hostPhys, int width) {
        long word = guest.readPhysical64(gcPhys & ~7L);
        return (word >>> shift(gcPhys)) & mask(width);
    }

    @Override
    public void write(long gcPhys, long hostPhys, int width, long value) {
        if (width == Long.BYTES) {
            // A whole quadword: nothing of the old one stays.
            guest.writePhysical64(gcPhys, value);
            return;
        }
        long aligned = gcPhys & ~7L;
        long m = mask(width) << shift(gcPhys);
        long word = guest.readPhysical64(aligned);
        guest.writePhysical64(aligned, word & ~m | (value << shift(gcPhys)) & m);
    }

    @Override
    public void copied(long fromHostPhys, long toHostPhys) {
        // Keyed by guest address: the guest's view of the contents does not move.
    }

    @Override
    public void released(long hostPhys) {
        // Keyed by guest address: a released host page takes no guest contents with it.
    }

    private static int shift(long gcPhys) {
        return (int) (gcPhys & 7) * Byte.SIZE;
    }

    private static long mask(int width) {
        return width == Long.BYTES ? -1L : (1L << width * Byte.SIZE) - 1;
    }
}
