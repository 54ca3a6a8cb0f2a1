package org.gmck.reference.pgm;

import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.ModeArguments;
import org.gmck.spi.pgm.ModeStatus;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.x86.EntryField;

/**
 * CR3 per paging mode (seed 001, "Differences Between Legacy PAE and Long Mode PAE", item 2): a legacy
 * PAE CR3 holds a 32-byte aligned address below 4 GiB, a long-mode CR3 a page-aligned one.
 */
public final class Cr3Rules {

    /** Long-mode CR3 bits 63:52, above every physical address. */
    static final long AMD64_RESERVED_MASK = -1L << (EntryField.ADDRESS_64.high() + 1);

    private Cr3Rules() {}

    /** The CR3 value PGM loads to put a top-level table of {@code mode} at {@code table}. */
    public static long cr3For(PagingMode mode, long table) {
        return ModeArguments.requireTopTable(mode, table);
    }

    /** The guest's top-level table address in a guest CR3 value. */
    public static long guestTableAddress(GuestMode mode, long cr3) {
        ModeArguments.requirePagingGuest(mode);
        if (mode.longMode()) {
            if ((cr3 & AMD64_RESERVED_MASK) != 0) {
                throw new RejectedException(
                        ModeStatus.RESERVED_BITS_SET, String.format("long-mode CR3 %#x has bits 63:52 set", cr3));
            }
            return EntryField.ADDRESS_64.of(cr3);
        }
        return (mode.legacyPae() ? EntryField.PAE_PDPT_IN_CR3 : EntryField.ADDRESS_32).of(cr3);
    }
}
