package org.gmck.reference.largepage;

import java.util.ArrayList;
import java.util.List;
import org.gmck.spi.largepage.HostBacking;
import org.gmck.spi.largepage.MemorySlot;

/**
 * Turns a range of guest RAM into memory slots, as the emulator's large-page option does (seed 004: a
 * 1 MB-1 GB range becomes 1-2 MB on 4 KB pages and 2 MB-1 GB on HugeTLBfs). With the option, the whole
 * 2 MB frames of the range form one slot on 2 MB host pages whose host address is 2 MB aligned, so every
 * such guest frame sits on one host large page; a head or tail outside those frames gets 4 KB pages.
 */
final class GuestMemoryPlanner {

    private GuestMemoryPlanner() {}

    /** The pieces of the range, in order; host bases are filled in by {@link #place}. */
    static List<Piece> split(long guestBase, long size, boolean backWithLargePages) {
        List<Piece> pieces = new ArrayList<>();
        long end = guestBase + size;
        long framesStart = Geometry.frameCeiling(guestBase);
        long framesEnd = Geometry.frameBase(end);
        if (!backWithLargePages || framesStart >= framesEnd) {
            pieces.add(new Piece(guestBase, size, HostBacking.SMALL_PAGES));
            return pieces;
        }
        if (framesStart > guestBase) {
            pieces.add(new Piece(guestBase, framesStart - guestBase, HostBacking.SMALL_PAGES));
        }
        pieces.add(new Piece(framesStart, framesEnd - framesStart, HostBacking.LARGE_PAGES));
        if (end > framesEnd) {
            pieces.add(new Piece(framesEnd, end - framesEnd, HostBacking.SMALL_PAGES));
        }
        return pieces;
    }

    /** The slot a piece becomes at the host address the allocator would give it next. */
    static MemorySlot place(Piece piece, HostMemory host) {
        return new MemorySlot(piece.guestBase(), piece.size(), host.peek(), piece.backing());
    }

    /** A guest range and the host backing it should get. */
    record Piece(long guestBase, long size, HostBacking backing) {}
}
