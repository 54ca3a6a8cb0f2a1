package org.gmck.kit.model.largepage;

import static org.quicktheories.generators.Generate.booleans;
import static org.quicktheories.generators.Generate.constant;
import static org.quicktheories.generators.Generate.enumValues;
import static org.quicktheories.generators.Generate.frequency;
import static org.quicktheories.generators.Generate.range;

import java.util.ArrayList;
import java.util.List;
import org.gmck.kit.model.largepage.LpOp.Pick;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;

/**
 * The large-page model's random operations, biased towards states where the rules interact within a sequence of
 * a dozen or two operations: slots mostly on frame boundaries, more than half on 2 MB host pages, and often
 * starting where another ends (so that frames are split between slots); guest entries over frames the slots
 * cover, large where they may be, and at addresses that already have entries (aliases, replacements); page
 * tables shadowed in frames that entries map or mapped, and unshadowed where they have shadows; now and then a
 * refusal. Under nested paging the nested table gets most of the turns.
 */
final class LpGenerators {

    private LpGenerators() {}

    static Gen<LpOp> operations(LpVariant variant) {
        boolean nested = variant.nested();
        List<Pair<Integer, Gen<LpOp>>> ops = new ArrayList<>();
        ops.add(Pair.of(14, addSlot()));
        ops.add(Pair.of(7, addGuestMemory()));
        ops.add(Pair.of(
                2,
                booleans()
                        .zip(
                                enumValues(LpOp.SlotShape.class),
                                (large, shape) -> new LpOp.AddSpecialSlot(shape, large))));
        ops.add(Pair.of(2, enumValues(LpOp.MemoryShape.class).map(LpOp.AddSpecialMemory::new)));
        ops.add(Pair.of(nested ? 4 : 18, tablePick().zip(frame(), page(), LpOp.ShadowTable::new)));
        ops.add(Pair.of(nested ? 3 : 12, pick(3, 6, 1).zip(frame(), page(), LpOp.UnshadowTable::new)));
        ops.add(Pair.of(1, range(0, Space.FRAMES - 2).zip(range(1, 3), LpOp.ShadowEveryPage::new)));
        ops.add(Pair.of(
                nested ? 3 : 14,
                virtual()
                        .zip(
                                pick(1, 2, 3),
                                frame(),
                                misalign(4),
                                (virtual, p, frame, mis) -> new LpOp.ShadowLargeEntry(virtual, p, frame, mis))));
        ops.add(Pair.of(nested ? 3 : 12, pick(1, 2, 4).zip(frame(), misalign(2), LpOp.ShadowRealModeEntry::new)));
        ops.add(Pair.of(nested ? 28 : 1, pick(1, 3, 2).zip(frame(), misalign(2), LpOp.MapNestedFrame::new)));
        ops.add(Pair.of(nested ? 8 : 3, pick(1, 3, 2).zip(frame(), misalign(2), LpOp.AskDecision::new)));
        ops.add(Pair.of(1, pick(1, 1, 0).zip(frame(), range(0, Space.EDGES.length - 1), LpOp.AskCounters::new)));
        ops.add(Pair.of(1, frame().zip(page(), LpOp.AskCount::new)));
        return frequency(ops);
    }

    private static Gen<LpOp> addSlot() {
        return range(0, Space.FRAMES - 2).zip(edge(), range(0, 3), edge(), backing(), LpOp.AddSlot::new);
    }

    /**
     * Six in ten slots on 2 MB pages, a third of those starting at their start edge (else on a frame boundary);
     * a quarter of those on 4 KB pages with host memory a page off; four in ten starting where another ends.
     */
    private static Gen<LpOp.Backing> backing() {
        return range(0, 19).map(b -> {
            boolean large = b % 10 >= 4;
            return new LpOp.Backing(large, large ? b % 10 <= 5 : b % 10 == 0, b >= 12);
        });
    }

    /** Where a page table is shadowed: mostly in a frame entries map now or mapped once. */
    private static Gen<Pick> tablePick() {
        return frequency(
                Pair.of(2, constant(Pick.GIVEN)),
                Pair.of(5, constant(Pick.FROM_STATE)),
                Pair.of(1, constant(Pick.ALTERNATIVE)),
                Pair.of(3, constant(Pick.FORMER)));
    }

    private static Gen<LpOp> addGuestMemory() {
        return range(0, Space.FRAMES - 2).zip(edge(), range(0, 3), edge(), booleans(), LpOp.AddGuestMemory::new);
    }

    /** A frame of the slot area, now and then the one above it. */
    private static Gen<Integer> frame() {
        int slotFrames = Space.FRAMES - 1;
        return range(0, 2 * slotFrames).map(v -> v == 2 * slotFrames ? slotFrames : v % slotFrames);
    }

    /** Where a guest large entry goes: one of the guest-virtual frames, its own frame's address, the next one's. */
    private static Gen<Integer> virtual() {
        int own = Space.VIRTUAL_FRAMES;
        return frequency(Pair.of(4, range(0, own - 1)), Pair.of(2, constant(own)), Pair.of(3, constant(own + 1)));
    }

    /** A page of {@link Space#PAGES}, mostly the third, the first or the last. */
    private static Gen<Integer> page() {
        return frequency(
                Pair.of(4, constant(2)),
                Pair.of(2, constant(0)),
                Pair.of(2, constant(7)),
                Pair.of(3, range(0, Space.PAGES.length - 1)));
    }

    /** A slot edge of {@link Space#EDGES}, mostly a frame boundary. */
    private static Gen<Integer> edge() {
        return frequency(
                Pair.of(5, constant(0)), Pair.of(1, constant(1)), Pair.of(2, constant(2)), Pair.of(2, constant(3)));
    }

    private static Gen<Integer> misalign(int kinds) {
        return frequency(Pair.of(12, constant(0)), Pair.of(1, range(1, kinds)));
    }

    private static Gen<Pick> pick(int given, int fromState, int alternative) {
        List<Pair<Integer, Gen<Pick>>> picks = new ArrayList<>();
        picks.add(Pair.of(given, constant(Pick.GIVEN)));
        picks.add(Pair.of(fromState, constant(Pick.FROM_STATE)));
        if (alternative > 0) {
            picks.add(Pair.of(alternative, constant(Pick.ALTERNATIVE)));
        }
        return frequency(picks);
    }
}
