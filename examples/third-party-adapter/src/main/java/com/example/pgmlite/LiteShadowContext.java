package com.example.pgmlite;

import java.util.ArrayList;
import java.util.List;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.ShadowContext;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.EntryFlags;

/** One VM's shadow context: the modes, and a four-entry shadow PDPT fixed up on every switch. */
final class LiteShadowContext implements ShadowContext {

    static final int PDPT_ENTRIES = 4;
    static final int GUEST_CONTEXT_SLOT = 3;
    /** R/W, U/S and A: set for long mode. */
    private static final long LONG_MODE_SET = EntryFlags.mask(EntryFlag.WRITABLE, EntryFlag.USER, EntryFlag.ACCESSED);
    /** R/W, U/S, A and bit 6: must be zero in legacy PAE. */
    private static final long LEGACY_CLEARED = LONG_MODE_SET | EntryFlag.DIRTY.mask();

    private final PagingMode host;
    private final long[] pdpt = new long[PDPT_ENTRIES];
    private GuestMode guest = GuestMode.REAL;

    LiteShadowContext(PagingMode host) {
        this.host = host;
        pdpt[GUEST_CONTEXT_SLOT] = 0x0020_0000L | EntryFlag.PRESENT.mask();
    }

    @Override
    public PagingMode hostMode() {
        return host;
    }

    @Override
    public GuestMode guestMode() {
        return guest;
    }

    @Override
    public PagingMode shadowMode() {
        return Modes.shadow(host, guest);
    }

    @Override
    public void changeMode(ControlRegisters registers) {
        guest = Modes.decode(registers);
        PagingMode shadow = shadowMode();
        for (int i = 0; i < pdpt.length; i++) {
            if (shadow == PagingMode.PAE) {
                pdpt[i] &= ~LEGACY_CLEARED;
            } else if (shadow == PagingMode.AMD64) {
                pdpt[i] |= LONG_MODE_SET;
            }
        }
    }

    @Override
    public List<Long> presentShadowPdpes() {
        List<Long> present = new ArrayList<>();
        if (shadowMode() != PagingMode.BITS32) {
            for (long entry : pdpt) {
                if (EntryFlag.PRESENT.isSetIn(entry)) {
                    present.add(entry);
                }
            }
        }
        return present;
    }

    @Override
    public boolean intermediateContextWriteProtect() {
        return false;
    }
}
