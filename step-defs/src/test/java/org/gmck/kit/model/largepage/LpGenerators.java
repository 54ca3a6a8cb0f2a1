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
 * The large-page model's random operations, biased towards states where the rules interact: slots mostly
 * starting and ending on 2 MB boundaries and half of them on 2 MB host pages, page tables shadowed in frames
 * that entries map and unshadowed where they have shadows, guest entries over frames the slots cover, several
 * guest-virtual aliases of each frame, now and then a refusal. Under nested paging the nested table gets most
 * of the turns.
 */
final class LpGenerators {

    private LpGenerators() {
    }

    static Gen<LpOp> operations(LpVariant variant) {
        boolean nested = variant.nested();
        List<Pair<Integer, Gen<LpOp>>> ops = new ArrayList<>();
        ops.add(Pair.of(16, addSlot()));
        ops.add(Pair.of(8, addGuestMemory()));
        ops.add(Pair.of(3, booleans().zip(enumValues(LpOp.SlotShape.class), (large, shape) -> new LpOp.AddSpecialSlot(shape, large))));
        ops.add(Pair.of(2, enumValues(LpOp.MemoryShape.class).map(LpOp.AddSpecialMemory::new)));
        ops.add(Pair.of(nested ? 4 : 18, pick(2, 7, 1).zip(frame(), page(), LpOp.ShadowTable::new)));
        ops.add(Pair.of(nested ? 3 : 13, pick(3, 6, 1).zip(frame(), page(), LpOp.UnshadowTable::new)));
        ops.add(Pair.of(nested ? 1 : 2, range(0, Space.FRAMES - 2).zip(range(1, 3), LpOp.ShadowEveryPage::new)));
        ops.add(Pair.of(nested ? 3 : 15, range(0, 5).zip(pick(1, 2, 3), frame(), misalign(4),
                (virtual, p, frame, mis) -> new LpOp.ShadowLargeEntry(virtual, p, frame, mis))));
        ops.add(Pair.of(nested ? 3 : 10, pick(1, 2, 3).zip(frame(), misalign(2), LpOp.ShadowRealModeEntry::new)));
        ops.add(Pair.of(nested ? 28 : 2, pick(1, 3, 2).zip(frame(), misalign(2), LpOp.MapNestedFrame::new)));
        ops.add(Pair.of(nested ? 8 : 4, pick(1, 3, 2).zip(frame(), misalign(2), LpOp.AskDecision::new)));
        ops.add(Pair.of(2, pick(1, 1, 0).zip(frame(), range(0, Space.EDGES.length - 1), LpOp.AskCounters::new)));
        ops.add(Pair.of(2, frame().zip(page(), LpOp.AskCount::new)));
        return frequency(ops);
    }

    private static Gen<LpOp> addSlot() {
        return range(0, Space.FRAMES - 2).zip(edge(), range(0, 5), edge(), range(0, 19), (frame, start, frames, end, b) -> new LpOp.AddSlot(
                frame, start, frames, end, new LpOp.Backing(b % 10 >= 4, b % 10 == 0, b >= 12)));
    }

    private static Gen<LpOp> addGuestMemory() {
        return range(0, Space.FRAMES - 2).zip(edge(), range(0, 5), edge(), booleans(), LpOp.AddGuestMemory::new);
    }

    /** A frame of the slot area, now and then the one above it. */
    private static Gen<Integer> frame() {
        int slotFrames = Space.FRAMES - 1;
        return range(0, 2 * slotFrames).map(v -> v == 2 * slotFrames ? slotFrames : v % slotFrames);
    }

    /** A page of {@link Space#PAGES}, mostly the third, the first or the last. */
    private static Gen<Integer> page() {
        return frequency(Pair.of(4, constant(2)), Pair.of(2, constant(0)), Pair.of(2, constant(7)),
                Pair.of(3, range(0, Space.PAGES.length - 1)));
    }

    /** A slot edge of {@link Space#EDGES}, mostly a frame boundary. */
    private static Gen<Integer> edge() {
        return frequency(Pair.of(5, constant(0)), Pair.of(1, constant(1)), Pair.of(2, constant(2)), Pair.of(2, constant(3)));
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
