package org.gmck.reference.largepage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.largepage.CounterArray;
import org.gmck.spi.largepage.HostBacking;
import org.gmck.spi.largepage.LargeMappingDecision;
import org.gmck.spi.largepage.LargePageStatus;
import org.gmck.spi.largepage.MappingSize;
import org.gmck.spi.largepage.MemorySlot;
import org.gmck.spi.largepage.MmuOptions;
import org.gmck.spi.largepage.ShadowEntry;
import org.gmck.spi.largepage.ShadowMmu;

/**
 * The MMU of one VM with large-page support (seed 004).
 *
 * <p>Two calls form the domain API for any shadow-paging code that wants large mappings:
 * <ul>
 *   <li>{@link #mayShadowLarge(long)}: may the 2 MB guest frame at this address be shadowed by one large
 *       entry? Yes only if it lies wholly in one slot whose host backing is a 2 MB host page aligned with
 *       the guest frame and, under shadow paging, none of its 4 KB pages is write-protected.</li>
 *   <li>{@link #writeProtect(long)}: write-protect a guest page (because a page table in it is being
 *       shadowed): counts it in its frame's counter, zaps every large entry that maps the frame, and makes
 *       every 4 KB entry that maps the page read-only. {@link #releaseWriteProtect(long)} undoes one of them.</li>
 * </ul>
 * Every refusal leaves the MMU as it was.
 */
public final class KvmShadowMmu implements ShadowMmu {

    private final MmuOptions options;
    private final SlotTable slots;
    private final HostMemory host = new HostMemory();
    private final ReverseMaps rmaps = new ReverseMaps();
    private final ShadowPageTables tables = new ShadowPageTables(rmaps);

    public KvmShadowMmu(MmuOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.slots = new SlotTable(options.encoding());
    }

    // ---- the domain API ----

    /**
     * Whether the 2 MB guest frame at {@code frameGpa} may be shadowed by one large entry now, and if not,
     * why. Pure.
     *
     * @throws RejectedException {@link LargePageStatus#MISALIGNED_LARGE_MAPPING}, {@link LargePageStatus#NO_SLOT}
     */
    public LargeMappingDecision mayShadowLarge(long frameGpa) {
        return LargeMappingPolicy.decide(slots, frameGpa, !options.nestedPaging());
    }

    /**
     * Write-protects the guest page holding {@code gpa} once more: counts it, zaps the large entries over
     * its frame and makes the 4 KB entries over it read-only.
     *
     * @throws RejectedException {@link LargePageStatus#NO_SLOT}, {@link LargePageStatus#WRONG_PAGING_MODE}
     */
    public void writeProtect(long gpa) {
        requireShadowPaging("write-protect a guest page table");
        slots.require(gpa).addShadow(gpa);
        long frame = Geometry.frameBase(gpa);
        for (long address : rmaps.pdesOf(frame)) {
            tables.zapLarge(address);
        }
        for (long address : rmaps.ptesOf(Geometry.pageBase(gpa))) {
            tables.writeProtectSmall(address);
        }
    }

    /**
     * Drops one write protection of the guest page holding {@code gpa}. Entries stay as they are: they are
     * rebuilt, writable or large, when the guest next faults on them.
     *
     * @throws RejectedException {@link LargePageStatus#NO_SLOT}, {@link LargePageStatus#WRONG_PAGING_MODE},
     *                           {@link LargePageStatus#WRITE_PROTECT_COUNT_UNDERFLOW}, {@link LargePageStatus#PAGE_NOT_SHADOWED}
     */
    public void releaseWriteProtect(long gpa) {
        requireShadowPaging("unshadow a guest page table");
        slots.require(gpa).removeShadow(gpa);
    }

    // ---- the SPI ----

    @Override
    public MmuOptions options() {
        return options;
    }

    @Override
    public void addSlot(MemorySlot slot) {
        slots.add(Objects.requireNonNull(slot, "slot"));
    }

    @Override
    public List<MemorySlot> addGuestMemory(long guestBase, long size) {
        slots.check(new MemorySlot(guestBase, size, host.peek(), HostBacking.SMALL_PAGES), List.of());
        // Slots added directly may sit where the allocator would go next; guest memory must not share them.
        host.skipPast(slots.hostEnd());
        List<MemorySlot> added = new ArrayList<>();
        for (GuestMemoryPlanner.Piece piece : GuestMemoryPlanner.split(guestBase, size, options.backWithLargePages())) {
            MemorySlot slot = GuestMemoryPlanner.place(piece, host);
            host.allocate(piece.size());
            slots.add(slot);
            added.add(slot);
        }
        return added;
    }

    @Override
    public List<MemorySlot> slots() {
        return slots.specs();
    }

    @Override
    public void shadowPageTable(long gpa) {
        writeProtect(gpa);
    }

    @Override
    public void unshadowPageTable(long gpa) {
        releaseWriteProtect(gpa);
    }

    @Override
    public boolean writeProtected(long gpa) {
        return slots.find(gpa).map(slot -> slot.shadowed(gpa)).orElse(false);
    }

    @Override
    public LargeMappingDecision largeMappingDecision(long frameGpa) {
        return mayShadowLarge(frameGpa);
    }

    @Override
    public LargeMappingDecision shadowGuestLargeEntry(long gva, long gpa) {
        requireShadowPaging("shadow a guest large entry");
        LargeMappingPolicy.requireFrameAligned("guest-virtual", gva);
        return map(gva, gpa);
    }

    @Override
    public LargeMappingDecision shadowRealModeEntry(long gpa) {
        requireShadowPaging("shadow a real-mode pseudo entry");
        return map(gpa, gpa);
    }

    @Override
    public LargeMappingDecision mapNestedFrame(long gpa) {
        if (!options.nestedPaging()) {
            throw new RejectedException(
                    LargePageStatus.WRONG_PAGING_MODE, "a shadow-paging MMU has no nested page table");
        }
        return map(gpa, gpa);
    }

    @Override
    public Optional<ShadowEntry> entryFor(long address) {
        return tables.entryFor(address);
    }

    @Override
    public CounterArray counters(long slotGuestBase) {
        return slots.startingAt(slotGuestBase).counterArray();
    }

    @Override
    public int writeProtectCount(long gpa) {
        return slots.require(gpa).writeProtectCount(gpa);
    }

    private LargeMappingDecision map(long address, long gpa) {
        LargeMappingDecision decision = mayShadowLarge(gpa);
        if (decision.size() == MappingSize.LARGE_2M) {
            tables.mapLarge(address, gpa);
        } else {
            tables.mapSmall(address, gpa, this::writeProtected);
        }
        return decision;
    }

    private void requireShadowPaging(String what) {
        if (options.nestedPaging()) {
            throw new RejectedException(
                    LargePageStatus.WRONG_PAGING_MODE,
                    "cannot " + what + " under nested paging: guest tables are not write-protected there");
        }
    }
}
