package com.example.pgmlite;

import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.ControlRegisters;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.ModeStatus;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.PagingModes;
import org.gmck.spi.pgm.ShadowContext;

/** pgm-lite's paging-mode rules. */
final class LitePagingModes implements PagingModes {

    private static final long BELOW_4G = 0xFFFF_FFFFL;
    private static final long LONG_CR3_RESERVED = 0xFFF0_0000_0000_0000L;
    /** Legacy PAE: bits 1, 2, 5-8 and 52-63 of a present PDPE must be zero. */
    private static final long PAE_PDPE_RESERVED = 0xFFF0_0000_0000_0000L | 0b1_1110_0110L;
    private static final long XD = 1L << 63;

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
        if (mode == null || mode == PagingMode.INVALID) {
            throw new RejectedException(ModeStatus.INVALID_MODE, "no paging mode given");
        }
        long lowBits = mode == PagingMode.PAE ? 31 : 4095;
        if ((table & lowBits) != 0) {
            throw new RejectedException(ModeStatus.MISALIGNED_CR3, Long.toHexString(table) + " is not aligned for " + mode);
        }
        boolean fits = mode == PagingMode.AMD64 ? (table & LONG_CR3_RESERVED) == 0 : (table & ~BELOW_4G) == 0;
        if (!fits) {
            throw new RejectedException(ModeStatus.CR3_OUT_OF_RANGE, Long.toHexString(table) + " does not fit a " + mode + " CR3");
        }
        return table;
    }

    @Override
    public long guestTableAddress(GuestMode mode, long cr3) {
        requirePaging(mode);
        if (mode.longMode()) {
            if ((cr3 & LONG_CR3_RESERVED) != 0) {
                throw new RejectedException(ModeStatus.RESERVED_BITS_SET, "CR3 bits 63:52 are reserved in long mode");
            }
            return cr3 & ~LONG_CR3_RESERVED & ~4095L;
        }
        return cr3 & BELOW_4G & ~(mode.legacyPae() ? 31L : 4095L);
    }

    @Override
    public long checkGuestPdpe(GuestMode mode, long pdpe) {
        requirePaging(mode);
        if (!mode.legacyPae() && !mode.longMode()) {
            throw new RejectedException(ModeStatus.NOT_IN_THIS_MODE, mode + " has no PDPT");
        }
        boolean present = (pdpe & 1) != 0;
        long reserved = mode.legacyPae() ? PAE_PDPE_RESERVED : mode == GuestMode.AMD64 ? XD : 0;
        if (present && (pdpe & reserved) != 0) {
            throw new RejectedException(ModeStatus.RESERVED_BITS_SET, "reserved PDPE bits " + Long.toHexString(pdpe & reserved));
        }
        return pdpe;
    }

    @Override
    public ShadowContext newShadowContext(PagingMode host) {
        return new LiteShadowContext(Modes.requireHost(host));
    }

    private static void requirePaging(GuestMode mode) {
        if (mode == null || mode == GuestMode.INVALID) {
            throw new RejectedException(ModeStatus.INVALID_MODE, "no guest mode given");
        }
        if (mode == GuestMode.REAL || mode == GuestMode.PROTECTED) {
            throw new RejectedException(ModeStatus.NOT_IN_THIS_MODE, mode + " does not page");
        }
    }
}
