package org.gmck.spi.largepage;

/**
 * A memory slot: a range of guest-physical memory backed by one contiguous range of host memory.
 * Guest page {@code guestBase + k} lives at host address {@code hostBase + k}.
 *
 * @param guestBase the first guest-physical address, 4 KB aligned
 * @param size      the size in bytes, a non-zero multiple of 4 KB
 * @param hostBase  the host address backing {@code guestBase}, 4 KB aligned (2 MB aligned for large pages)
 * @param backing   whether the host memory is made of 4 KB or 2 MB pages
 */
public record MemorySlot(long guestBase, long size, long hostBase, HostBacking backing) {

    /** The first guest-physical address after the slot. */
    public long guestEnd() {
        return guestBase + size;
    }

    /** Whether the guest-physical address lies in the slot. */
    public boolean contains(long gpa) {
        return gpa >= guestBase && gpa - guestBase < size;
    }
}
