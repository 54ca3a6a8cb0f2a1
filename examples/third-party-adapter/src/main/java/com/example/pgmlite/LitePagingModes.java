package com.example.pgmlite;

import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.ModeArguments;
import org.gmck.spi.pgm.ModeStatus;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.PagingModes;
import org.gmck.spi.pgm.ShadowContext;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.EntryField;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.EntryFlags;

/**
 * pgm-lite's paging-mode rules. Arguments are checked by the SPI's {@link ModeArguments}; what is left here
 * is behaviour.
 */
final class LitePagingModes implements PagingModes {

    /** Long mode: CR3 and PDPE bits 63:52 lie above every physical address. */
    private static final long ABOVE_ADDRESSES = -1L << (EntryField.ADDRESS_64.high() + 1);
    /** Legacy PAE: the flags a PDPTE register lacks (R/W, U/S, A, D, PS, G) and bits 52-63 must be zero. */
    private static final long PAE_PDPE_RESERVED = ABOVE_ADDRESSES | EntryFlags.mask(EntryFlag.WRITABLE,
            EntryFlag.USER, EntryFlag.ACCESSED, EntryFlag.DIRTY, EntryFlag.PAGE_SIZE, EntryFlag.GLOBAL);

    @Override
    public GuestMode guestMode(ControlRegisters registers) {
        return Modes.decode(registers);
    }

    @Override
    public PagingMode shadowMode(PagingMode host, GuestMode guest) {
        return Modes.shadow(host, guest);
    }

    @Override
    public boolean switcherNeedsSpecialEffort(PagingMode host, GuestMode guest) {
        return Modes.shadow(host, guest) != host;
    }

    @Override
    public long cr3For(PagingMode mode, long table) {
        return ModeArguments.requireTopTable(mode, table);
    }

    @Override
    public long guestTableAddress(GuestMode mode, long cr3) {
        ModeArguments.requirePagingGuest(mode);
        if (mode.longMode()) {
            if ((cr3 & ABOVE_ADDRESSES) != 0) {
                throw new RejectedException(ModeStatus.RESERVED_BITS_SET, "CR3 bits 63:52 are reserved in long mode");
            }
            return EntryField.ADDRESS_64.of(cr3);
        }
        return (mode.legacyPae() ? EntryField.PAE_PDPT_IN_CR3 : EntryField.ADDRESS_32).of(cr3);
    }

    @Override
    public long checkGuestPdpe(GuestMode mode, long pdpe) {
        ModeArguments.requirePagingGuest(mode);
        if (!mode.legacyPae() && !mode.longMode()) {
            throw new RejectedException(ModeStatus.NOT_IN_THIS_MODE, mode + " has no PDPT");
        }
        long reserved = mode.legacyPae() ? PAE_PDPE_RESERVED
                : mode == GuestMode.AMD64 ? EntryFlag.EXECUTE_DISABLE.mask() : 0;
        if (EntryFlag.PRESENT.isSetIn(pdpe) && (pdpe & reserved) != 0) {
            throw new RejectedException(ModeStatus.RESERVED_BITS_SET, "reserved PDPE bits " + Long.toHexString(pdpe & reserved));
        }
        return pdpe;
    }

    @Override
    public ShadowContext newShadowContext(PagingMode host) {
        return new LiteShadowContext(ModeArguments.requireMode(host, "host paging mode"));
    }
}
