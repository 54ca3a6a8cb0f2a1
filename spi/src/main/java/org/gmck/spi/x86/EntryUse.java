package org.gmck.spi.x86;

/**
 * One paging-structure entry a translation used.
 *
 * @param level   the level of the entry
 * @param address its guest-physical address (for a PAE PDPTE register: where it was loaded from)
 * @param value   its value as read by the walk, before any A or D update
 */
public record EntryUse(X86Level level, long address, long value) {
    @Override
    public String toString() {
        return String.format("%s@%#x=%#x", level, address, value);
    }
}
