package org.gmck.selftest.largepage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.largepage.LargeMappingDecision;
import org.gmck.spi.largepage.LargePageStatus;
import org.gmck.spi.largepage.LargePages;
import org.gmck.spi.largepage.MappingSize;
import org.gmck.spi.largepage.MemorySlot;
import org.gmck.spi.largepage.MmuOptions;
import org.gmck.spi.largepage.ShadowMmu;

/**
 * Keeps the memory slots in the order they were added and finds the slot of an address by binary search, as
 * if they were sorted: with slots added in guest address order every lookup works, but after a slot is added
 * below one that exists, addresses in some slots are not found and are refused as lying in no slot. The
 * overlap check walks every slot, the list of slots is sorted before it is handed out, and each page keeps its
 * own write protection, so only the calls that look an address up go wrong.
 */
@Breaks("LP-BAD-10")
public final class SlotLookupAssumesInsertionOrder extends KnownBad {

    private static final long FRAME = MappingSize.LARGE_2M.bytes();

    LargePages largePages(LargePages reference) {
        return new ForwardingLargePages(reference) {
            @Override
            public ShadowMmu newMmu(MmuOptions options) {
                return new ForwardingShadowMmu(real.newMmu(options)) {
                    /** The slots in the order they were added. */
                    private final List<MemorySlot> added = new ArrayList<>();

                    @Override
                    public void addSlot(MemorySlot slot) {
                        real.addSlot(slot);
                        added.add(slot);
                    }

                    @Override
                    public List<MemorySlot> addGuestMemory(long guestBase, long size) {
                        List<MemorySlot> slots = real.addGuestMemory(guestBase, size);
                        added.addAll(slots);
                        return slots;
                    }

                    @Override
                    public void shadowPageTable(long gpa) {
                        if (!options().nestedPaging()) {
                            find(gpa);
                        }
                        real.shadowPageTable(gpa);
                    }

                    @Override
                    public void unshadowPageTable(long gpa) {
                        if (!options().nestedPaging()) {
                            find(gpa);
                        }
                        real.unshadowPageTable(gpa);
                    }

                    @Override
                    public LargeMappingDecision largeMappingDecision(long frameGpa) {
                        LargeMappingDecision decision = real.largeMappingDecision(frameGpa);
                        walk(frameGpa);
                        return decision;
                    }

                    @Override
                    public LargeMappingDecision shadowGuestLargeEntry(long gva, long gpa) {
                        if (!options().nestedPaging() && gva % FRAME == 0 && gpa % FRAME == 0) {
                            walk(gpa);
                        }
                        return real.shadowGuestLargeEntry(gva, gpa);
                    }

                    @Override
                    public LargeMappingDecision shadowRealModeEntry(long gpa) {
                        if (!options().nestedPaging() && gpa % FRAME == 0) {
                            walk(gpa);
                        }
                        return real.shadowRealModeEntry(gpa);
                    }

                    @Override
                    public LargeMappingDecision mapNestedFrame(long gpa) {
                        if (options().nestedPaging() && gpa % FRAME == 0) {
                            walk(gpa);
                        }
                        return real.mapNestedFrame(gpa);
                    }

                    @Override
                    public int writeProtectCount(long gpa) {
                        find(gpa);
                        return real.writeProtectCount(gpa);
                    }

                    /** Every slot of the frame, found one after the other from its start, or NO_SLOT. */
                    private void walk(long frame) {
                        for (long at = frame; at < frame + FRAME; at = find(at).guestEnd()) {
                            continue;
                        }
                    }

                    private MemorySlot find(long gpa) {
                        return lookup(gpa)
                                .orElseThrow(() -> new RejectedException(
                                        LargePageStatus.NO_SLOT, String.format("%#x lies in no memory slot", gpa)));
                    }

                    /** Binary search over the slots as added, which only works while they were added in order. */
                    private Optional<MemorySlot> lookup(long gpa) {
                        int low = 0;
                        int high = added.size() - 1;
                        while (low <= high) {
                            int mid = (low + high) >>> 1;
                            MemorySlot slot = added.get(mid);
                            if (slot.contains(gpa)) {
                                return Optional.of(slot);
                            }
                            if (gpa < slot.guestBase()) {
                                high = mid - 1;
                            } else {
                                low = mid + 1;
                            }
                        }
                        return Optional.empty();
                    }
                };
            }
        };
    }
}
