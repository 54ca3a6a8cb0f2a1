package org.gmck.kit.properties.largepage;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.gmck.spi.RejectedException;
import org.gmck.spi.largepage.HostBacking;
import org.gmck.spi.largepage.MemorySlot;
import org.gmck.spi.largepage.ShadowMmu;
import org.quicktheories.core.Gen;

/**
 * A random script for a shadow MMU over the first 16 MB of guest-physical memory: some memory slots (a few
 * of them bad, overlapping or misaligned, and so refused), then a sequence of shadowing, unshadowing and
 * 2 MB guest mappings. Running it records what each call answered and which addresses it touched.
 */
record MmuScript(List<SlotPlan> slots, List<Op> ops) {

    static final long MB = 1L << 20;
    static final long FRAME = 2 * MB;
    static final int FRAMES = 8;
    /** Guest-virtual addresses of the guest's large entries start here. */
    static final long GVA_BASE = 1L << 30;
    static final long HOST_BASE = 4L << 30;

    enum Kind { SHADOW, UNSHADOW, LARGE_ENTRY, REAL_MODE_ENTRY }

    /** A slot from {@code startMb} for {@code sizeMb}; host shift 0, 1 MB or 4 KB off a 2 MB host boundary. */
    record SlotPlan(int startMb, int sizeMb, boolean large, int hostShift) {
        MemorySlot slot(int index) {
            long shift = hostShift == 0 ? 0 : hostShift == 1 ? MB : 4096;
            return new MemorySlot(startMb * MB, sizeMb * MB, HOST_BASE + index * 64 * MB + shift,
                    large ? HostBacking.LARGE_PAGES : HostBacking.SMALL_PAGES);
        }
    }

    /** One call: a page (frame and one of four pages in it) or a pair of frames. */
    record Op(Kind kind, int frame, int page, int targetFrame) {
        long gpa() {
            return frame * FRAME + page * 4096L;
        }
    }

    static Gen<MmuScript> scripts() {
        Gen<SlotPlan> plans = integers().between(0, 15).zip(integers().between(1, 16), integers().between(0, 1),
                integers().between(0, 5), (start, size, large, shift) -> new SlotPlan(start, size, large == 1,
                        shift < 3 ? 0 : shift - 3));
        Gen<Op> ops = integers().between(0, 9).zip(integers().between(0, FRAMES - 1), integers().between(0, 3),
                integers().between(0, FRAMES - 1), (kind, frame, page, target) -> new Op(kindOf(kind), frame, page, target));
        return lists().of(plans).ofSizeBetween(1, 4).zip(lists().of(ops).ofSizeBetween(1, 40), MmuScript::new);
    }

    private static Kind kindOf(int n) {
        if (n < 4) {
            return Kind.SHADOW;
        }
        if (n < 7) {
            return Kind.UNSHADOW;
        }
        return n < 9 ? Kind.LARGE_ENTRY : Kind.REAL_MODE_ENTRY;
    }

    /** Adds the slots, ignoring refusals, and returns what each call answered. */
    List<String> addSlots(ShadowMmu mmu) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            MemorySlot slot = slots.get(i).slot(i);
            answers.add(answer(() -> {
                mmu.addSlot(slot);
                return "added";
            }));
        }
        return answers;
    }

    /** Runs one op and returns what it answered. */
    static String run(ShadowMmu mmu, Op op) {
        switch (op.kind()) {
            case SHADOW:
                return answer(() -> {
                    mmu.shadowPageTable(op.gpa());
                    return "shadowed";
                });
            case UNSHADOW:
                return answer(() -> {
                    mmu.unshadowPageTable(op.gpa());
                    return "unshadowed";
                });
            case LARGE_ENTRY:
                return answer(() -> mmu.shadowGuestLargeEntry(GVA_BASE + op.targetFrame() * FRAME, op.frame() * FRAME));
            default:
                return answer(() -> mmu.shadowRealModeEntry(op.frame() * FRAME));
        }
    }

    /** The guest-virtual frame addresses a script may have mapped. */
    static TreeSet<Long> mappedAddresses() {
        TreeSet<Long> addresses = new TreeSet<>();
        for (int f = 0; f < FRAMES; f++) {
            addresses.add(GVA_BASE + f * FRAME);
            addresses.add(f * FRAME);
        }
        return addresses;
    }

    /** Every page a script may touch. */
    static List<Long> pages() {
        List<Long> pages = new ArrayList<>();
        for (int f = 0; f < FRAMES; f++) {
            for (int p = 0; p < 4; p++) {
                pages.add(new Op(Kind.SHADOW, f, p, 0).gpa());
            }
        }
        return pages;
    }

    static String answer(java.util.function.Supplier<Object> call) {
        try {
            return String.valueOf(call.get());
        } catch (RejectedException e) {
            return "rejected " + e.status().name();
        }
    }

    static String entry(ShadowMmu mmu, long address) {
        Optional<?> entry = mmu.entryFor(address);
        return String.valueOf(entry);
    }
}
