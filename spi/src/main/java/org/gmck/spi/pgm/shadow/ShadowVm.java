package org.gmck.spi.pgm.shadow;

import java.util.List;
import java.util.Optional;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Privilege;

/**
 * A VM whose guest runs on shadow page tables (seed 001, "The Shadow Memory Context"; seed 003): the guest
 * keeps its own tables in guest physical memory, and the CPU runs on shadow tables built from them, with
 * guest physical pages replaced by the host pages behind them. Faults on the shadow tables go to the
 * monitor's handler, which decides what they mean.
 *
 * <p>Refusals are {@link org.gmck.spi.common.RejectedException}s with a {@link org.gmck.spi.pgm.ModeStatus},
 * a {@link org.gmck.spi.pgm.phys.PhysStatus} or an {@link org.gmck.spi.x86.X86Status}, and change nothing.
 */
public interface ShadowVm {

    /** The guest physical memory; the guest's tables are written here with physical writes. */
    GuestPhysicalMemory memory();

    /** The host paging mode. */
    PagingMode hostMode();

    /** The guest mode the loaded registers describe (REAL before the first load). */
    GuestMode guestMode();

    /** The shadow paging mode in use, as the host-by-guest matrix gives it. */
    PagingMode shadowMode();

    /**
     * Loads the guest's CR0, CR3, CR4 and EFER (MOV to CR3 and friends): the shadow tables are rebuilt from
     * the new guest tables, starting empty and filled as the guest touches its memory.
     *
     * @return {@link org.gmck.spi.x86.Loaded}, or the {@link org.gmck.spi.x86.GeneralProtection} the guest
     *         takes (nothing changes then)
     * @throws org.gmck.spi.common.RejectedException {@link org.gmck.spi.pgm.ModeStatus#INCONSISTENT_CONTROL_REGISTERS},
     *         {@link org.gmck.spi.pgm.ModeStatus#RESERVED_BITS_SET},
     *         {@link org.gmck.spi.pgm.phys.PhysStatus#VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS} or
     *         {@link org.gmck.spi.pgm.phys.PhysStatus#VERR_PGM_PHYS_PAGE_RESERVED} for a CR3 outside RAM
     */
    LoadOutcome loadControlRegisters(ControlRegisters registers);

    /**
     * Runs one guest access of {@code width} bytes (1, 2, 4 or 8, naturally aligned) on the shadow tables.
     * {@code value} is what a write stores and is ignored otherwise.
     *
     * @throws org.gmck.spi.common.RejectedException for an access to an address the guest maps to no RAM
     *         ({@link org.gmck.spi.pgm.phys.PhysStatus}), a misaligned access, an access before registers
     *         are loaded, or a linear address too wide for the mode
     */
    GuestAccessResult access(long linearAddress, AccessKind kind, Privilege privilege, int width, long value);

    /** INVLPG: drops whatever the shadow holds for the page of {@code linearAddress}. */
    void invalidatePage(long linearAddress);

    /** SyncCR3: throws the whole shadow away; it is rebuilt from the guest's tables on demand. */
    void syncCr3();

    /** How the shadow tables translate {@code linearAddress} now, or empty when they do not map it. */
    Optional<ShadowTranslation> shadowTranslation(long linearAddress);

    /** The guest physical pages the monitor currently knows to hold guest paging structures, ascending. */
    List<Long> guestPagingStructurePages();
}
