package org.gmck.reference.largepage;

import org.gmck.spi.common.RejectedException;
import org.gmck.spi.largepage.HostBacking;
import org.gmck.spi.largepage.LargeMappingDecision;
import org.gmck.spi.largepage.LargePageStatus;

/**
 * The seed's test for a large shadow entry: the frame has a counter (it lies wholly in one slot), its host
 * backing is a 2 MB host page aligned with the 2 MB guest frame, and, unless nothing is write-protected
 * (nested paging), the counter says no 4 KB page of the frame is write-protected.
 */
final class LargeMappingPolicy {

    private LargeMappingPolicy() {}

    /**
     * @param honourWriteProtection false under nested paging, where guest tables are never write-protected
     * @throws RejectedException {@link LargePageStatus#MISALIGNED_LARGE_MAPPING}, {@link LargePageStatus#NO_SLOT}
     */
    static LargeMappingDecision decide(SlotTable slots, long frameGpa, boolean honourWriteProtection) {
        requireFrameAligned("guest-physical", frameGpa);
        if (!slots.covers(frameGpa)) {
            throw new RejectedException(
                    LargePageStatus.NO_SLOT,
                    String.format("part of the 2 MB frame at %#x lies in no memory slot", frameGpa));
        }
        Slot slot = slots.require(frameGpa);
        if (!slot.counts(frameGpa)) {
            return LargeMappingDecision.SMALL_FRAME_NOT_IN_ONE_SLOT;
        }
        if (slot.spec().backing() != HostBacking.LARGE_PAGES) {
            return LargeMappingDecision.SMALL_HOST_NOT_LARGE;
        }
        if (!slot.largeHost()) {
            return LargeMappingDecision.SMALL_HOST_MISALIGNED;
        }
        if (honourWriteProtection && !slot.counterAllowsLarge(frameGpa)) {
            return LargeMappingDecision.SMALL_WRITE_PROTECTED;
        }
        return LargeMappingDecision.LARGE;
    }

    static void requireFrameAligned(String what, long address) {
        if (!Geometry.frameAligned(address)) {
            throw new RejectedException(
                    LargePageStatus.MISALIGNED_LARGE_MAPPING,
                    String.format("the %s address %#x of a 2 MB mapping is not 2 MB aligned", what, address));
        }
    }
}
