package org.gmck.kit.model.largepage;

import static org.gmck.kit.model.largepage.Space.FRAME;
import static org.gmck.kit.model.largepage.Space.PAGE;
import static org.gmck.kit.model.largepage.Space.TOP;
import static org.gmck.kit.model.largepage.Space.frameOf;
import static org.gmck.kit.model.largepage.Space.pageOf;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.gmck.spi.largepage.CounterArray;
import org.gmck.spi.largepage.CounterEncoding;
import org.gmck.spi.largepage.HostBacking;
import org.gmck.spi.largepage.LargeMappingDecision;
import org.gmck.spi.largepage.LargePageStatus;
import org.gmck.spi.largepage.MappingSize;
import org.gmck.spi.largepage.MemorySlot;
import org.gmck.spi.largepage.MmuOptions;
import org.gmck.spi.largepage.ShadowEntry;

/**
 * The catalogue's large-page rules as an executable model of one MMU: its slots, the shadows of each page, the
 * shadow (or nested) entries of each 2 MB frame of addresses, and enough history to say which rule a
 * difference breaks. Written from CONFORMANCE.md (LP-*) and seed 004 alone.
 *
 * <ul>
 *   <li>A slot has a counter for each 2 MB frame wholly inside it (LP-CNT-1, I-LP-1); a frame's count is the
 *       number of shadows of the page tables in it (LP-CNT-3, LP-CNT-5, I-LP-2), and in the minus-one encoding
 *       its raw value starts at -1 exactly where the slot is on 2 MB host pages aligned with the frame
 *       (LP-ENC-1, I-LP-6).</li>
 *   <li>A page is write-protected while it has a shadow (LP-CNT-6 to LP-CNT-8); shadowing zaps every large
 *       entry over its frame and makes every 4 KB entry over the page read-only (LP-ZAP-1 to LP-ZAP-5);
 *       unshadowing touches no entry, or under the reading {@code writable-again} leaves a 4 KB entry
 *       writable once its page has no shadow (LP-ZAP-8, I-LP-5).</li>
 *   <li>A 2 MB guest mapping is one large entry if the frame lies in one slot, on 2 MB host pages aligned with
 *       it, without write-protected pages; else 512 4 KB entries, read-only over protected pages (LP-MAP-*),
 *       replacing whatever the address had (LP-MAP-10). Nested paging shadows nothing (LP-NPT-*).</li>
 *   <li>Refusals, in the order I-LP-8 and I-LP-4 give, change nothing (LP-BAD-*).</li>
 * </ul>
 */
final class MmuModel {

    /** How a slot came to be: added directly, or by the emulator as guest memory. */
    enum Origin {
        DIRECT,
        EMULATOR
    }

    /** A slot as the model keeps it. */
    record Slot(long base, long size, long host, HostBacking backing, Origin origin) {

        long end() {
            return base + size;
        }

        boolean contains(long gpa) {
            return gpa >= base && gpa - base < size;
        }

        /** The first frame wholly inside the slot. */
        long firstFrame() {
            return (base + FRAME - 1) & -FRAME;
        }

        /** How many frames lie wholly inside the slot. */
        int frames() {
            long last = end() & -FRAME;
            return last > firstFrame() ? (int) ((last - firstFrame()) / FRAME) : 0;
        }

        /** Whether each of its frames sits on one 2 MB host page. */
        boolean largeAndAligned() {
            return backing == HostBacking.LARGE_PAGES && Math.floorMod(host - base, FRAME) == 0;
        }

        MemorySlot spi() {
            return new MemorySlot(base, size, host, backing);
        }
    }

    /** What made an entry. */
    enum Kind {
        GUEST_LARGE_ENTRY,
        REAL_MODE_ENTRY,
        NESTED_FRAME
    }

    /**
     * The entries translating one 2 MB frame of addresses: one large entry, or 512 4 KB entries mapping the
     * matching pages of the guest-physical frame, the ones in {@code readOnly} (page indices) read-only.
     */
    record Mapping(long gpaFrame, boolean large, BitSet readOnly, Kind kind) {

        Mapping copy() {
            return new Mapping(gpaFrame, large, (BitSet) readOnly.clone(), kind);
        }
    }

    final MmuOptions options;
    private final TreeMap<Long, Slot> slots = new TreeMap<>();
    private final Map<Long, Integer> shadows = new HashMap<>();
    private final Map<Long, Integer> counts = new HashMap<>();
    /** Pages that have had a shadow, for attributing a page wrongly still protected. */
    private final Set<Long> everShadowed = new HashSet<>();
    /** Pages whose current protection has had two shadows at once. */
    private final Set<Long> repeated = new HashSet<>();
    /** Frames whose count has gone back to 0 after a shadow. */
    private final Set<Long> released = new HashSet<>();

    private final Map<Long, Mapping> mappings = new HashMap<>();
    /** Address frames whose large entry a write protection zapped. */
    private final Set<Long> zapped = new HashSet<>();
    /** Each address frame's guest-physical frames, ever. */
    private final Map<Long, Set<Long>> history = new HashMap<>();

    /**
     * What unshadowing does to a 4 KB entry a write protection made read-only (reading
     * {@code largepage.unshadowed-small-entry}): {@code stays-read-only}, {@code writable-again}, or null when
     * the adapter declares neither.
     */
    final String unshadowedSmallEntry;

    MmuModel(MmuOptions options, String unshadowedSmallEntry) {
        this.options = options;
        this.unshadowedSmallEntry = unshadowedSmallEntry;
    }

    /** An independent copy, to compare with after an operation. */
    MmuModel copy() {
        MmuModel copy = new MmuModel(options, unshadowedSmallEntry);
        copy.slots.putAll(slots);
        copy.shadows.putAll(shadows);
        copy.counts.putAll(counts);
        copy.everShadowed.addAll(everShadowed);
        copy.repeated.addAll(repeated);
        copy.released.addAll(released);
        copy.zapped.addAll(zapped);
        mappings.forEach((frame, m) -> copy.mappings.put(frame, m.copy()));
        history.forEach((frame, gpas) -> copy.history.put(frame, new HashSet<>(gpas)));
        return copy;
    }

    boolean nested() {
        return options.nestedPaging();
    }

    boolean minusOne() {
        return options.encoding() == CounterEncoding.COUNT_FROM_MINUS_ONE;
    }

    // ---- slots ----

    List<Slot> slots() {
        return List.copyOf(slots.values());
    }

    Optional<Slot> slotOf(long gpa) {
        Map.Entry<Long, Slot> e = slots.floorEntry(gpa);
        return e != null && e.getValue().contains(gpa) ? Optional.of(e.getValue()) : Optional.empty();
    }

    Optional<Slot> slotStartingAt(long base) {
        return Optional.ofNullable(slots.get(base));
    }

    /** The slot the 2 MB frame lies wholly inside, the one holding its counter. */
    Optional<Slot> counterSlot(long frame) {
        return slotOf(frame).filter(s -> frame % FRAME == 0 && frame + FRAME <= s.end());
    }

    /** How many bytes of the 2 MB frame lie in slots. */
    long covered(long frame) {
        long bytes = 0;
        for (Slot s : slots.headMap(frame + FRAME, false).values()) {
            bytes += Math.max(0, Math.min(s.end(), frame + FRAME) - Math.max(s.base(), frame));
        }
        return bytes;
    }

    /** Why a slot would be refused, or empty if it would be accepted (checked one fault at a time). */
    Optional<LargePageStatus> check(MemorySlot slot) {
        if (slot.size() <= 0) {
            return Optional.of(LargePageStatus.SLOT_EMPTY);
        }
        if (slot.guestBase() % PAGE != 0
                || slot.size() % PAGE != 0
                || slot.hostBase() % PAGE != 0
                || slot.backing() == HostBacking.LARGE_PAGES && slot.hostBase() % FRAME != 0) {
            return Optional.of(LargePageStatus.SLOT_MISALIGNED);
        }
        if (slot.guestBase() < 0 || slot.guestEnd() > TOP) {
            return Optional.of(LargePageStatus.SLOT_OUT_OF_RANGE);
        }
        if (overlaps(slot.guestBase(), slot.guestEnd())) {
            return Optional.of(LargePageStatus.SLOT_OVERLAP);
        }
        return Optional.empty();
    }

    boolean overlaps(long base, long end) {
        return slots.values().stream().anyMatch(s -> s.base() < end && base < s.end());
    }

    /** Whether a slot from {@code base} to {@code end} would touch an existing one without overlapping. */
    boolean touches(long base, long end) {
        return slots.values().stream().anyMatch(s -> s.end() == base || s.base() == end);
    }

    void add(Slot slot) {
        slots.put(slot.base(), slot);
    }

    /**
     * The slots guest memory becomes (host addresses left at 0): with the large-page option its whole 2 MB
     * frames on 2 MB pages and any head or tail on 4 KB pages, else one slot on 4 KB pages (LP-SPLIT-*, I-LP-3).
     */
    List<MemorySlot> pieces(long base, long size) {
        long end = base + size;
        long first = (base + FRAME - 1) & -FRAME;
        long last = end & -FRAME;
        if (!options.backWithLargePages() || last <= first) {
            return List.of(new MemorySlot(base, size, 0, HostBacking.SMALL_PAGES));
        }
        List<MemorySlot> pieces = new ArrayList<>();
        if (first > base) {
            pieces.add(new MemorySlot(base, first - base, 0, HostBacking.SMALL_PAGES));
        }
        pieces.add(new MemorySlot(first, last - first, 0, HostBacking.LARGE_PAGES));
        if (end > last) {
            pieces.add(new MemorySlot(last, end - last, 0, HostBacking.SMALL_PAGES));
        }
        return pieces;
    }

    // ---- write protection and counters ----

    int shadowsOf(long gpa) {
        return shadows.getOrDefault(pageOf(gpa), 0);
    }

    boolean writeProtected(long gpa) {
        return shadowsOf(gpa) > 0;
    }

    boolean everShadowed(long gpa) {
        return everShadowed.contains(pageOf(gpa));
    }

    /** The number of shadows in the frame holding {@code gpa}. */
    int count(long gpa) {
        return counts.getOrDefault(frameOf(gpa), 0);
    }

    boolean released(long frame) {
        return released.contains(frame);
    }

    /** Whether a write protection once zapped the large entry of the address frame. */
    boolean zapped(long addressFrame) {
        return zapped.contains(addressFrame);
    }

    /** Whether a page of the frame still protected has had two shadows at once since it was last unprotected. */
    boolean repeatedIn(long frame) {
        return repeated.stream().anyMatch(p -> frameOf(p) == frame);
    }

    /** The raw counter the frame starts from: -1 in the minus-one encoding on an aligned 2 MB host page. */
    int start(Slot slot) {
        return minusOne() && slot.largeAndAligned() ? -1 : 0;
    }

    /** The counters of the slot starting at {@code base}, or NO_SLOT. */
    Answer counters(long base) {
        Optional<Slot> slot = slotStartingAt(base);
        if (slot.isEmpty()) {
            return Answer.refused(LargePageStatus.NO_SLOT);
        }
        Slot s = slot.get();
        List<Integer> raw = new ArrayList<>();
        for (int i = 0; i < s.frames(); i++) {
            raw.add(start(s) + count(s.firstFrame() + i * FRAME));
        }
        return Answer.of(new CounterArray(s.firstFrame(), options.encoding(), raw));
    }

    /** The decoded count of the frame holding {@code gpa}, or NO_SLOT where it has no counter. */
    Answer writeProtectCount(long gpa) {
        return counterSlot(frameOf(gpa)).isPresent() ? Answer.of(count(gpa)) : Answer.refused(LargePageStatus.NO_SLOT);
    }

    /** Shadows the page table at {@code gpa} (I-LP-8: paging mode, then slots). */
    Answer shadow(long gpa) {
        if (nested()) {
            return Answer.refused(LargePageStatus.WRONG_PAGING_MODE);
        }
        if (slotOf(gpa).isEmpty()) {
            return Answer.refused(LargePageStatus.NO_SLOT);
        }
        long page = pageOf(gpa);
        int now = shadows.merge(page, 1, Integer::sum);
        counts.merge(frameOf(page), 1, Integer::sum);
        everShadowed.add(page);
        if (now > 1) {
            repeated.add(page);
        }
        for (Mapping m : mappings.values()) {
            if (m.gpaFrame() == frameOf(page) && !m.large()) {
                m.readOnly().set((int) ((page - m.gpaFrame()) / PAGE));
            }
        }
        mappings.entrySet().removeIf(e -> {
            boolean zap = e.getValue().large() && e.getValue().gpaFrame() == frameOf(page);
            if (zap) {
                zapped.add(e.getKey());
            }
            return zap;
        });
        return Answer.DONE;
    }

    /** Drops a shadow of the page table at {@code gpa} (I-LP-8, then I-LP-4: the counter before the page). */
    Answer unshadow(long gpa) {
        if (nested()) {
            return Answer.refused(LargePageStatus.WRONG_PAGING_MODE);
        }
        if (slotOf(gpa).isEmpty()) {
            return Answer.refused(LargePageStatus.NO_SLOT);
        }
        long page = pageOf(gpa);
        if (counterSlot(frameOf(page)).isPresent() && count(page) == 0) {
            return Answer.refused(LargePageStatus.WRITE_PROTECT_COUNT_UNDERFLOW);
        }
        if (shadowsOf(page) == 0) {
            return Answer.refused(LargePageStatus.PAGE_NOT_SHADOWED);
        }
        if (shadows.merge(page, -1, Integer::sum) == 0) {
            shadows.remove(page);
            repeated.remove(page);
        }
        if (counts.merge(frameOf(page), -1, Integer::sum) == 0) {
            counts.remove(frameOf(page));
            released.add(frameOf(page));
        }
        return Answer.DONE;
    }

    // ---- large mappings ----

    /** The decision for a 2 MB frame, or why asking is refused (alignment, then slots: I-LP-8). */
    Answer decision(long frame) {
        if (frame % FRAME != 0) {
            return Answer.refused(LargePageStatus.MISALIGNED_LARGE_MAPPING);
        }
        if (covered(frame) < FRAME) {
            return Answer.refused(LargePageStatus.NO_SLOT);
        }
        return Answer.of(decide(frame));
    }

    /** The decision for a frame wholly covered by slots, its reasons in the SPI's order. */
    LargeMappingDecision decide(long frame) {
        Optional<Slot> slot = counterSlot(frame);
        if (slot.isEmpty()) {
            return LargeMappingDecision.SMALL_FRAME_NOT_IN_ONE_SLOT;
        }
        if (slot.get().backing() != HostBacking.LARGE_PAGES) {
            return LargeMappingDecision.SMALL_HOST_NOT_LARGE;
        }
        if (!slot.get().largeAndAligned()) {
            return LargeMappingDecision.SMALL_HOST_MISALIGNED;
        }
        return count(frame) > 0 ? LargeMappingDecision.SMALL_WRITE_PROTECTED : LargeMappingDecision.LARGE;
    }

    /**
     * Shadows a guest large entry, a real-mode pseudo entry or a nested frame: the paging mode first, then the
     * alignment of both addresses, then the slots (I-LP-8); the new entries replace the address's old ones.
     */
    Answer map(Kind kind, long address, long gpa) {
        if (nested() != (kind == Kind.NESTED_FRAME)) {
            return Answer.refused(LargePageStatus.WRONG_PAGING_MODE);
        }
        if (address % FRAME != 0 || gpa % FRAME != 0) {
            return Answer.refused(LargePageStatus.MISALIGNED_LARGE_MAPPING);
        }
        if (covered(gpa) < FRAME) {
            return Answer.refused(LargePageStatus.NO_SLOT);
        }
        LargeMappingDecision decision = decide(gpa);
        BitSet readOnly = new BitSet(512);
        if (decision != LargeMappingDecision.LARGE && kind != Kind.NESTED_FRAME) {
            for (int i = 0; i < 512; i++) {
                readOnly.set(i, writeProtected(gpa + i * PAGE));
            }
        }
        mappings.put(address, new Mapping(gpa, decision == LargeMappingDecision.LARGE, readOnly, kind));
        history.computeIfAbsent(address, a -> new HashSet<>()).add(gpa);
        return Answer.of(decision);
    }

    /** The present entry translating {@code address}, if any. */
    Optional<ShadowEntry> entry(long address) {
        Mapping m = mappings.get(frameOf(address));
        if (m == null) {
            return Optional.empty();
        }
        if (m.large()) {
            return Optional.of(new ShadowEntry(frameOf(address), m.gpaFrame(), MappingSize.LARGE_2M, true));
        }
        int index = (int) ((address - frameOf(address)) / PAGE);
        long gpa = m.gpaFrame() + index * PAGE;
        boolean writable = "writable-again".equals(unshadowedSmallEntry)
                ? !writeProtected(gpa)
                : !m.readOnly().get(index);
        return Optional.of(new ShadowEntry(pageOf(address), gpa, MappingSize.SMALL_4K, writable));
    }

    /**
     * Whether the writability of the 4 KB entry translating {@code address} is left open: the adapter declares no
     * reading of {@code largepage.unshadowed-small-entry}, and the entry was made read-only by a write protection
     * whose shadows are all gone, where the two readings part (I-LP-5).
     */
    boolean writabilityOpen(long address) {
        Mapping m = mappings.get(frameOf(address));
        if (unshadowedSmallEntry != null || m == null || m.large()) {
            return false;
        }
        int index = (int) ((address - frameOf(address)) / PAGE);
        return m.readOnly().get(index) && !writeProtected(m.gpaFrame() + index * PAGE);
    }

    Optional<Mapping> mapping(long addressFrame) {
        return Optional.ofNullable(mappings.get(addressFrame));
    }

    /** How many large entries map the guest-physical frame. */
    long largeEntriesOver(long gpaFrame) {
        return mappings.values().stream()
                .filter(m -> m.large() && m.gpaFrame() == gpaFrame)
                .count();
    }

    /** The guest-physical frames entries map now or mapped before, in address order. */
    List<Long> mappedFrames() {
        Set<Long> frames = new java.util.TreeSet<>();
        history.values().forEach(frames::addAll);
        return List.copyOf(frames);
    }

    /** The guest-physical frames entries map now, in address order. */
    List<Long> currentlyMappedFrames() {
        return mappings.values().stream()
                .map(Mapping::gpaFrame)
                .distinct()
                .sorted()
                .toList();
    }

    /** Whether the address frame once mapped {@code gpaFrame}. */
    boolean mappedBefore(long addressFrame, long gpaFrame) {
        return history.getOrDefault(addressFrame, Set.of()).contains(gpaFrame);
    }

    /** The pages with shadows, in address order. */
    List<Long> shadowedPages() {
        return shadows.keySet().stream().sorted().toList();
    }

    /** The observed frames wholly covered by slots. */
    List<Long> coveredFrames() {
        return Space.observedFrames().stream().filter(f -> covered(f) == FRAME).toList();
    }
}
