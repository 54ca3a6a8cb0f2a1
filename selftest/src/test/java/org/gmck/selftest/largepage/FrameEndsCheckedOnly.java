package org.gmck.selftest.largepage;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.largepage.LargeMappingDecision;
import org.gmck.spi.largepage.LargePageStatus;
import org.gmck.spi.largepage.LargePages;
import org.gmck.spi.largepage.MappingSize;
import org.gmck.spi.largepage.MemorySlot;
import org.gmck.spi.largepage.MmuOptions;
import org.gmck.spi.largepage.ShadowEntry;
import org.gmck.spi.largepage.ShadowMmu;

/**
 * Checks that a 2 MB guest mapping lies in guest memory by looking up the slots of its first and last 4 KB
 * only: a frame whose two ends lie in slots but which has a hole between them is accepted, and the 4 KB
 * entries over the hole map guest-physical memory that no slot backs.
 */
@Breaks("LP-BAD-11")
public final class FrameEndsCheckedOnly extends KnownBad {

    private static final long FRAME = MappingSize.LARGE_2M.bytes();
    private static final long PAGE = MappingSize.SMALL_4K.bytes();

    LargePages largePages(LargePages reference) {
        return new ForwardingLargePages(reference) {
            @Override
            public ShadowMmu newMmu(MmuOptions options) {
                return new ForwardingShadowMmu(real.newMmu(options)) {
                    /** Frames with a hole that were mapped anyway: translated frame to guest-physical frame. */
                    private final Map<Long, Long> holey = new HashMap<>();

                    @Override
                    public LargeMappingDecision largeMappingDecision(long frameGpa) {
                        return orEndsInSlots(frameGpa, () -> real.largeMappingDecision(frameGpa));
                    }

                    @Override
                    public LargeMappingDecision shadowGuestLargeEntry(long gva, long gpa) {
                        return map(gva, gpa, () -> real.shadowGuestLargeEntry(gva, gpa));
                    }

                    @Override
                    public LargeMappingDecision shadowRealModeEntry(long gpa) {
                        return map(gpa, gpa, () -> real.shadowRealModeEntry(gpa));
                    }

                    @Override
                    public LargeMappingDecision mapNestedFrame(long gpa) {
                        return map(gpa, gpa, () -> real.mapNestedFrame(gpa));
                    }

                    @Override
                    public Optional<ShadowEntry> entryFor(long address) {
                        Long gpaFrame = holey.get(address & -FRAME);
                        if (gpaFrame == null) {
                            return real.entryFor(address);
                        }
                        long page = gpaFrame + (address & (FRAME - 1) & -PAGE);
                        return Optional.of(new ShadowEntry(
                                address & -PAGE, page, MappingSize.SMALL_4K, !real.writeProtected(page)));
                    }

                    private LargeMappingDecision map(long address, long gpa, Supplier<LargeMappingDecision> call) {
                        try {
                            LargeMappingDecision decision = call.get();
                            holey.remove(address);
                            return decision;
                        } catch (RejectedException e) {
                            LargeMappingDecision decision = orEndsInSlots(gpa, () -> {
                                throw e;
                            });
                            holey.put(address, gpa);
                            return decision;
                        }
                    }

                    private LargeMappingDecision orEndsInSlots(long frameGpa, Supplier<LargeMappingDecision> call) {
                        try {
                            return call.get();
                        } catch (RejectedException e) {
                            if (e.status() != LargePageStatus.NO_SLOT
                                    || !inSlot(frameGpa)
                                    || !inSlot(frameGpa + FRAME - PAGE)) {
                                throw e;
                            }
                            return LargeMappingDecision.SMALL_FRAME_NOT_IN_ONE_SLOT;
                        }
                    }

                    private boolean inSlot(long gpa) {
                        return real.slots().stream().anyMatch((MemorySlot s) -> s.contains(gpa));
                    }
                };
            }
        };
    }
}
