package org.gmck.spi.largepage;

import java.util.List;
import java.util.Optional;
import org.gmck.spi.common.Profile;
import org.gmck.spi.common.ProfileNotImplementedException;

/**
 * A KVM-style MMU of one VM as seed 004 describes it: memory slots with one write-protect counter per
 * 2 MB frame, shadowed guest page tables that write-protect their pages, and shadow entries that are
 * 2 MB large only where the host backing, the alignment and the counter allow it.
 *
 * <p>Every refusal is a {@link org.gmck.spi.common.RejectedException} with a {@link LargePageStatus}, and leaves
 * the slots, counters, write protections and shadow entries unchanged. The last two methods belong to
 * profile {@code large-pages-introspection}.
 */
public interface ShadowMmu {

    /** The options the MMU was created with. */
    MmuOptions options();

    /**
     * Adds a memory slot.
     *
     * @throws org.gmck.spi.common.RejectedException {@link LargePageStatus#SLOT_EMPTY}, {@link LargePageStatus#SLOT_MISALIGNED},
     *                                        {@link LargePageStatus#SLOT_OUT_OF_RANGE}, {@link LargePageStatus#SLOT_OVERLAP},
     *                                        {@link LargePageStatus#SLOT_TOO_LARGE}
     */
    void addSlot(MemorySlot slot);

    /**
     * Adds guest RAM the way the emulator does, choosing the host memory itself. With
     * {@link MmuOptions#backWithLargePages()} the range is split at 2 MB guest boundaries: the whole
     * 2 MB frames inside it become one slot on 2 MB host pages, aligned with the guest, and any head or
     * tail becomes a slot on 4 KB pages. Without the option the range is one slot on 4 KB pages.
     *
     * @return the slots added, in guest address order
     * @throws org.gmck.spi.common.RejectedException as {@link #addSlot(MemorySlot)}; then no slot is added
     */
    List<MemorySlot> addGuestMemory(long guestBase, long size);

    /** The memory slots, in guest address order. */
    List<MemorySlot> slots();

    /**
     * Shadows the guest page table in the 4 KB page holding {@code gpa}, which write-protects that page:
     * its frame's counter goes up by one and every large shadow entry covering it is zapped.
     *
     * @throws org.gmck.spi.common.RejectedException {@link LargePageStatus#NO_SLOT}, {@link LargePageStatus#WRONG_PAGING_MODE}
     *                                        under nested paging
     */
    void shadowPageTable(long gpa);

    /**
     * Drops one shadow of the guest page table in the page holding {@code gpa}; its frame's counter goes
     * down by one, and the page is no longer write-protected once its last shadow is gone.
     *
     * @throws org.gmck.spi.common.RejectedException {@link LargePageStatus#NO_SLOT}, {@link LargePageStatus#WRONG_PAGING_MODE},
     *                                        {@link LargePageStatus#WRITE_PROTECT_COUNT_UNDERFLOW} when the frame's
     *                                        counter says no page is protected, {@link LargePageStatus#PAGE_NOT_SHADOWED}
     */
    void unshadowPageTable(long gpa);

    /** Whether the 4 KB page holding {@code gpa} is write-protected because a page table in it is shadowed. */
    boolean writeProtected(long gpa);

    /**
     * Whether the 2 MB guest frame starting at {@code frameGpa} may be mapped by one large entry now. Pure.
     *
     * @throws org.gmck.spi.common.RejectedException {@link LargePageStatus#MISALIGNED_LARGE_MAPPING}, {@link LargePageStatus#NO_SLOT}
     */
    LargeMappingDecision largeMappingDecision(long frameGpa);

    /**
     * Shadows a guest large (PSE) page-directory entry mapping 2 MB at {@code gva} to {@code gpa}: one
     * large shadow entry if {@link #largeMappingDecision} allows it, else 512 4 KB shadow entries (read-only
     * for write-protected pages). Replaces whatever shadowed {@code gva} before.
     *
     * @throws org.gmck.spi.common.RejectedException {@link LargePageStatus#MISALIGNED_LARGE_MAPPING}, {@link LargePageStatus#NO_SLOT},
     *                                        {@link LargePageStatus#WRONG_PAGING_MODE}
     */
    LargeMappingDecision shadowGuestLargeEntry(long gva, long gpa);

    /**
     * Shadows the real-mode pseudo entry for the 2 MB frame at {@code gpa}, which the guest, running
     * without paging, sees at the same address ({@code gva == gpa}). Otherwise as {@link #shadowGuestLargeEntry}.
     */
    LargeMappingDecision shadowRealModeEntry(long gpa);

    /**
     * Maps the 2 MB guest-physical frame at {@code gpa} in the nested page table (nested paging only):
     * one large entry when the host backing is an aligned 2 MB page, else 4 KB entries, whatever the guest
     * does with its own page tables.
     *
     * @throws org.gmck.spi.common.RejectedException {@link LargePageStatus#MISALIGNED_LARGE_MAPPING}, {@link LargePageStatus#NO_SLOT},
     *                                        {@link LargePageStatus#WRONG_PAGING_MODE} under shadow paging
     */
    LargeMappingDecision mapNestedFrame(long gpa);

    /**
     * The present entry that translates {@code address} (guest-virtual under shadow paging, guest-physical
     * under nested paging), if any. Zapped entries are not present.
     */
    Optional<ShadowEntry> entryFor(long address);

    /**
     * The write-protect counters of the slot starting at {@code slotGuestBase} (profile
     * {@code large-pages-introspection}).
     *
     * @throws org.gmck.spi.common.RejectedException {@link LargePageStatus#NO_SLOT} when no slot starts there
     */
    default CounterArray counters(long slotGuestBase) {
        throw new ProfileNotImplementedException(Profile.LARGE_PAGES_INTROSPECTION);
    }

    /**
     * The number of write-protected 4 KB pages counted for the 2 MB frame holding {@code gpa}, decoded
     * from the raw counter whatever the encoding (profile {@code large-pages-introspection}).
     *
     * @throws org.gmck.spi.common.RejectedException {@link LargePageStatus#NO_SLOT} when the frame has no counter
     */
    default int writeProtectCount(long gpa) {
        throw new ProfileNotImplementedException(Profile.LARGE_PAGES_INTROSPECTION);
    }
}
