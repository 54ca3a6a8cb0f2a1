package org.gmck.selftest.largepage;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.largepage.CounterEncoding;
import org.gmck.spi.largepage.HostBacking;
import org.gmck.spi.largepage.LargeMappingDecision;
import org.gmck.spi.largepage.LargePages;
import org.gmck.spi.largepage.MappingSize;
import org.gmck.spi.largepage.MemorySlot;
import org.gmck.spi.largepage.MmuOptions;
import org.gmck.spi.largepage.ShadowEntry;
import org.gmck.spi.largepage.ShadowMmu;

/**
 * Counting from minus one, the emulator's path that adds guest memory with the large-page option sets each
 * counter's starting value before it marks the new slot as on 2 MB host pages, so the counters of that slot
 * start at 0 instead of -1. That encoding allows a large mapping exactly while the counter reads -1: under
 * shadow paging those frames read as holding a write-protected page and are only ever shadowed by 4 KB
 * entries. Slots added directly, and MMUs counting from zero, are not affected.
 */
@Breaks("LP-ENC-5")
public final class GuestMemoryLargeSlotCountsFromZero extends KnownBad {

    private static final long FRAME = MappingSize.LARGE_2M.bytes();
    private static final long PAGE = MappingSize.SMALL_4K.bytes();

    LargePages largePages(LargePages reference) {
        return new ForwardingLargePages(reference) {
            @Override
            public ShadowMmu newMmu(MmuOptions options) {
                ShadowMmu mmu = real.newMmu(options);
                if (options.encoding() != CounterEncoding.COUNT_FROM_MINUS_ONE || options.nestedPaging()) {
                    return mmu;
                }
                return new ForwardingShadowMmu(mmu) {
                    /** The slots the emulator put on 2 MB host pages. */
                    private final List<MemorySlot> emulated = new ArrayList<>();
                    /** Translated frames shadowed small here though the reference shadowed them large: their read-only pages. */
                    private final Map<Long, BitSet> forced = new HashMap<>();
                    /** The guest-physical frame each of those maps. */
                    private final Map<Long, Long> forcedFrame = new HashMap<>();

                    @Override
                    public List<MemorySlot> addGuestMemory(long guestBase, long size) {
                        List<MemorySlot> added = real.addGuestMemory(guestBase, size);
                        added.stream()
                                .filter(s -> s.backing() == HostBacking.LARGE_PAGES)
                                .forEach(emulated::add);
                        return added;
                    }

                    @Override
                    public LargeMappingDecision largeMappingDecision(long frameGpa) {
                        return faulty(frameGpa, real.largeMappingDecision(frameGpa));
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
                    public void shadowPageTable(long gpa) {
                        real.shadowPageTable(gpa);
                        forcedFrame.forEach((address, frame) -> {
                            if (frame == (gpa & -FRAME)) {
                                forced.get(address).set((int) (((gpa & -PAGE) - frame) / PAGE));
                            }
                        });
                    }

                    @Override
                    public Optional<ShadowEntry> entryFor(long address) {
                        long frame = address & -FRAME;
                        if (!forced.containsKey(frame)) {
                            return real.entryFor(address);
                        }
                        int index = (int) ((address - frame) / PAGE);
                        return Optional.of(new ShadowEntry(
                                address & -PAGE,
                                forcedFrame.get(frame) + index * PAGE,
                                MappingSize.SMALL_4K,
                                !forced.get(frame).get(index)));
                    }

                    private LargeMappingDecision map(long address, long gpa, Supplier<LargeMappingDecision> call) {
                        LargeMappingDecision decision = call.get();
                        forced.remove(address);
                        forcedFrame.remove(address);
                        LargeMappingDecision made = faulty(gpa, decision);
                        if (made != decision) {
                            forced.put(address, new BitSet());
                            forcedFrame.put(address, gpa);
                        }
                        return made;
                    }

                    /** The reference's decision, unless it is large for a frame of a slot the emulator added. */
                    private LargeMappingDecision faulty(long frame, LargeMappingDecision decision) {
                        boolean emulatedFrame =
                                emulated.stream().anyMatch(s -> s.contains(frame) && s.contains(frame + FRAME - 1));
                        return decision == LargeMappingDecision.LARGE && emulatedFrame
                                ? LargeMappingDecision.SMALL_WRITE_PROTECTED
                                : decision;
                    }
                };
            }
        };
    }
}
