package org.gmck.spi.pgm;

import java.util.List;
import org.gmck.spi.x86.ControlRegisters;

/**
 * The shadow memory context of one VM: the paging structures the CPU really uses while the guest runs
 * (seed 001, "The Shadow Memory Context"). Created for a fixed host paging mode, starting with the guest
 * in real mode.
 */
public interface ShadowContext {

    /** The host paging mode this context was created for. */
    PagingMode hostMode();

    /** The guest's current mode. */
    GuestMode guestMode();

    /** The shadow paging mode in use, as the host-by-guest matrix gives it. */
    PagingMode shadowMode();

    /**
     * Derives the guest mode from the registers and switches the shadow context to it.
     *
     * @throws org.gmck.spi.common.RejectedException {@link ModeStatus#INCONSISTENT_CONTROL_REGISTERS}; the context is then unchanged
     */
    void changeMode(ControlRegisters registers);

    /**
     * The raw contents of the present entries of the shadow page-directory-pointer table: the four PDPEs
     * in legacy PAE, the PDPEs under the present PML4 entries in AMD64. Guest-context mappings keep at
     * least one of them present. Empty in 32-bit shadow mode, which has no PDPT.
     */
    List<Long> presentShadowPdpes();

    /**
     * Whether the intermediate context, through which the world switch runs, executes with CR0.WP set.
     * Seed 001 relies on it being clear, which is why its PDPEs need no fix-up on a mode switch.
     */
    boolean intermediateContextWriteProtect();
}
