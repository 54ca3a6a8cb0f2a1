package org.gmck.reference.pgm;

import java.util.Arrays;
import java.util.List;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.ShadowContext;
import org.gmck.spi.x86.ControlRegisters;

/**
 * A VM's shadow context as far as the paging-mode rules see it: the current guest and shadow modes and
 * the shadow page-directory-pointer table, whose entries for the guest-context mappings are rewritten on
 * every mode switch.
 */
final class PgmShadowContext implements ShadowContext {

    /** Guest-context mappings live in the top gigabyte of the 32-bit address space: PDPT slot 3. */
    static final int GUEST_CONTEXT_PDPT_SLOT = 3;
    /** Where the pool page for the guest-context page directory sits in host memory. */
    static final long GUEST_CONTEXT_PD = 0x0010_3000L;

    private final PagingMode host;
    private final long[] pdpt = new long[4];
    private GuestMode guest = GuestMode.REAL;
    private PagingMode shadow;

    PgmShadowContext(PagingMode host) {
        this.host = host;
        this.shadow = ShadowModeMatrix.shadowMode(host, guest);
        pdpt[GUEST_CONTEXT_PDPT_SLOT] = GUEST_CONTEXT_PD | PdpeBits.PRESENT;
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
        return shadow;
    }

    @Override
    public void changeMode(ControlRegisters registers) {
        GuestMode next = GuestModeDecoder.decode(registers);
        guest = next;
        shadow = ShadowModeMatrix.shadowMode(host, next);
        fixUpPdpes();
    }

    @Override
    public List<Long> presentShadowPdpes() {
        return shadow == PagingMode.BITS32
                ? List.of()
                : Arrays.stream(pdpt)
                        .filter(pdpe -> (pdpe & PdpeBits.PRESENT) != 0)
                        .boxed()
                        .toList();
    }

    @Override
    public boolean intermediateContextWriteProtect() {
        return false;
    }

    /** Rewrites the present entries for the new shadow mode; not-present entries are never read. */
    private void fixUpPdpes() {
        for (int i = 0; i < pdpt.length; i++) {
            if ((pdpt[i] & PdpeBits.PRESENT) != 0) {
                pdpt[i] = PdpeBits.fixUpForShadowMode(pdpt[i], shadow);
            }
        }
    }
}
