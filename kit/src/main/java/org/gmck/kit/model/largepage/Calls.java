package org.gmck.kit.model.largepage;

import static org.gmck.kit.model.largepage.Space.FRAME;
import static org.gmck.kit.model.largepage.Space.GB;
import static org.gmck.kit.model.largepage.Space.KB;
import static org.gmck.kit.model.largepage.Space.MB;
import static org.gmck.kit.model.largepage.Space.PAGE;
import static org.gmck.kit.model.largepage.Space.TOP;

import java.util.List;
import java.util.Optional;
import org.gmck.kit.model.largepage.Call.Kind;
import org.gmck.kit.model.largepage.LpOp.Pick;
import org.gmck.spi.largepage.HostBacking;
import org.gmck.spi.largepage.LargeMappingDecision;
import org.gmck.spi.largepage.MemorySlot;

/** Turns the generated operations into concrete calls, choosing addresses from the model's current state. */
final class Calls {

    /** Where the host memory of slots added directly goes: one gigabyte each from 64 GB, so none share any. */
    private static final long HOST_BASE = 64 * GB;

    private final MmuModel model;
    private final boolean introspection;
    private int hosts;

    Calls(MmuModel model, boolean introspection) {
        this.model = model;
        this.introspection = introspection;
    }

    /** The call the operation makes now, or empty when it does not apply to this MMU. */
    Optional<Call> of(LpOp op) {
        if (op instanceof LpOp.AddSlot a) {
            return slot(a);
        }
        if (op instanceof LpOp.AddSpecialSlot s) {
            return special(s);
        }
        if (op instanceof LpOp.AddGuestMemory m) {
            long start = start(m.frame(), m.startEdge(), m.adjoining());
            return memory(start, end(start, m.frame(), m.frames(), m.endEdge(), m.adjoining()));
        }
        if (op instanceof LpOp.AddSpecialMemory m) {
            return memory(m.shape());
        }
        if (op instanceof LpOp.ShadowTable t) {
            return Optional.of(shadow(t));
        }
        if (op instanceof LpOp.UnshadowTable u) {
            return Optional.of(unshadow(u));
        }
        if (op instanceof LpOp.ShadowEveryPage e) {
            long frame = Space.frame(e.frame());
            boolean applies = !model.nested() && model.covered(frame) == FRAME;
            return applies ? Optional.of(new Call(Kind.SHADOW_ALL, frame, frame, e.times(), null)) : Optional.empty();
        }
        if (op instanceof LpOp.ShadowLargeEntry l) {
            return Optional.of(largeEntry(l));
        }
        if (op instanceof LpOp.ShadowRealModeEntry r) {
            List<Long> held = model.coveredFrames().stream()
                    .filter(f -> model.mapping(f).isPresent())
                    .toList();
            long frame = r.pick() == Pick.ALTERNATIVE && !held.isEmpty()
                    ? held.get(r.frame() % held.size())
                    : frame(r.pick(), r.frame());
            return Optional.of(Call.at(Kind.MAP_REAL_MODE, frame + move(r.misalign())));
        }
        if (op instanceof LpOp.MapNestedFrame n) {
            return Optional.of(Call.at(Kind.MAP_NESTED, frame(n.pick(), n.frame()) + move(n.misalign())));
        }
        if (op instanceof LpOp.AskDecision d) {
            return Optional.of(Call.at(Kind.DECIDE, frame(d.pick(), d.frame()) + move(d.misalign())));
        }
        return introspection ? Optional.of(ask(op)) : Optional.empty();
    }

    private Optional<Call> slot(LpOp.AddSlot a) {
        LpOp.Backing backing = a.backing();
        long start =
                start(a.frame(), backing.largePages() && !backing.hostOff() ? 0 : a.startEdge(), backing.adjoining());
        long end = end(start, a.frame(), a.frames(), a.endEdge(), backing.adjoining());
        long host = nextHost();
        if (!backing.largePages()) {
            host += Math.floorMod(start, FRAME) + (backing.hostOff() ? PAGE : 0);
        }
        return slot(start, end, backing.largePages(), host);
    }

    private Call shadow(LpOp.ShadowTable t) {
        long page = Space.frame(t.frame()) + Space.PAGES[t.page()];
        List<Long> now = model.currentlyMappedFrames();
        List<Long> frames = t.pick() == Pick.FORMER
                ? firstOf(
                        model.mappedFrames().stream()
                                .filter(f -> !now.contains(f))
                                .toList(),
                        now,
                        model.coveredFrames())
                : firstOf(now, model.coveredFrames());
        if (t.pick() != Pick.GIVEN && !frames.isEmpty()) {
            page = frames.get(t.frame() % frames.size()) + Space.PAGES[t.page()];
        }
        return Call.at(Kind.SHADOW, t.pick() == Pick.ALTERNATIVE ? page + 0x10 : page);
    }

    private Call unshadow(LpOp.UnshadowTable u) {
        long page = Space.frame(u.frame()) + Space.PAGES[u.page()];
        List<Long> shadowed = model.shadowedPages();
        if (u.pick() != Pick.GIVEN && !shadowed.isEmpty()) {
            page = shadowed.get((u.frame() * Space.PAGES.length + u.page()) % shadowed.size());
        }
        return Call.at(Kind.UNSHADOW, u.pick() == Pick.ALTERNATIVE ? page + 0x800 : page);
    }

    private Call largeEntry(LpOp.ShadowLargeEntry l) {
        long gpa = frame(l.pick(), l.frame());
        long gva = l.virtual() < Space.VIRTUAL_FRAMES
                ? Space.VIRTUAL_BASE + l.virtual() * FRAME
                : l.virtual() == Space.VIRTUAL_FRAMES ? gpa : (gpa + FRAME) % Space.SLOT_AREA;
        long[] moves = {0, PAGE, MB, PAGE, MB};
        if (l.misalign() == 1 || l.misalign() == 2) {
            gva += moves[l.misalign()];
        } else {
            gpa += moves[l.misalign()];
        }
        return new Call(Kind.MAP_LARGE, gva, gpa, 0, null);
    }

    private Call ask(LpOp op) {
        if (op instanceof LpOp.AskCounters c) {
            List<MmuModel.Slot> slots = model.slots();
            long base = c.pick() == Pick.FROM_STATE && !slots.isEmpty()
                    ? slots.get(c.frame() % slots.size()).base()
                    : Space.frame(c.frame()) + Space.EDGES[c.edge()];
            return Call.at(Kind.COUNTERS, base);
        }
        LpOp.AskCount c = (LpOp.AskCount) op;
        return Call.at(Kind.COUNT, Space.frame(c.frame()) + Space.PAGES[c.page()]);
    }

    /**
     * A frame: as given; from the state one wholly inside the slots, one that may be shadowed large if there is
     * one; as the alternative one of those that an entry maps or that holds a shadow, if there is one.
     */
    private long frame(Pick pick, int frame) {
        List<Long> covered = model.coveredFrames();
        List<Long> frames = pick == Pick.GIVEN
                ? List.of()
                : pick == Pick.FROM_STATE
                        ? firstOf(
                                covered.stream()
                                        .filter(f -> model.decide(f) == LargeMappingDecision.LARGE)
                                        .toList(),
                                covered)
                        : firstOf(
                                covered.stream()
                                        .filter(f -> model.count(f) > 0
                                                || model.mappedFrames().contains(f))
                                        .toList(),
                                covered);
        return frames.isEmpty() ? Space.frame(frame) : frames.get(frame % frames.size());
    }

    @SafeVarargs
    private static List<Long> firstOf(List<Long>... choices) {
        for (List<Long> choice : choices) {
            if (!choice.isEmpty()) {
                return choice;
            }
        }
        return List.of();
    }

    /** Where a new slot starts: at a frame's edge, or where an existing slot ends and no other starts. */
    private long start(int frame, int edge, boolean adjoining) {
        List<Long> ends = model.slots().stream()
                .map(MmuModel.Slot::end)
                .filter(e -> e < Space.SLOT_AREA && model.slotStartingAt(e).isEmpty())
                .toList();
        return adjoining && !ends.isEmpty() ? ends.get(frame % ends.size()) : Space.frame(frame) + Space.EDGES[edge];
    }

    /**
     * Where a new slot from {@code start} ends: at the edge of a frame above, at most at the slot area's end; a
     * slot adjoining another ends at the latest where the next one starts, so that it fits.
     */
    private long end(long start, int frame, int frames, int edge, boolean adjoining) {
        long limit = Space.SLOT_AREA;
        if (adjoining) {
            limit = model.slots().stream()
                    .mapToLong(MmuModel.Slot::base)
                    .filter(b -> b > start)
                    .min()
                    .orElse(limit);
            limit = Math.min(limit, Space.SLOT_AREA);
        }
        long end = Math.min(limit, Space.frame(Math.max(frame, (int) (start / FRAME)) + frames) + Space.EDGES[edge]);
        return end > start ? end : Math.min(limit, start + FRAME);
    }

    private static long move(int misalign) {
        return misalign == 0 ? 0 : misalign == 1 ? PAGE : MB;
    }

    private long nextHost() {
        return HOST_BASE + hosts++ * GB;
    }

    private Optional<Call> special(LpOp.AddSpecialSlot s) {
        long host = nextHost();
        switch (s.shape()) {
            case EMPTY:
                return slot(3 * GB, 3 * GB, false, host);
            case NEGATIVE:
                return slot(3 * GB, 3 * GB - FRAME, false, host);
            case GUEST_OFF_PAGE:
                return slot(GB + KB, GB + FRAME + KB, false, host);
            case SIZE_OFF_PAGE:
                return slot(GB, GB + FRAME + 2 * KB, false, host);
            case HOST_OFF_PAGE:
                return slot(GB, GB + FRAME, s.largePages(), host + 2 * KB);
            case LARGE_HOST_OFF_PAGE:
                return slot(GB, GB + FRAME, true, host + PAGE);
            case LARGE_HOST_OFF_HALF:
                return slot(GB, GB + FRAME, true, host + MB);
            case BELOW_ZERO:
                return slot(-FRAME, 0, false, host);
            case ABOVE_TOP:
                long base = model.slotOf(TOP - PAGE).isPresent() ? TOP : TOP - PAGE;
                return slot(base, TOP + PAGE, false, host);
            default:
                return slot(TOP - PAGE, TOP, s.largePages(), host);
        }
    }

    private Optional<Call> memory(LpOp.MemoryShape shape) {
        switch (shape) {
            case EMPTY:
                return memory(2 * GB, 2 * GB);
            case NEGATIVE:
                return memory(2 * GB, GB);
            case GUEST_OFF_PAGE:
                return memory(GB + 2 * KB, 2 * GB);
            case SIZE_OFF_PAGE:
                return memory(GB, GB + FRAME + 2 * KB);
            case BELOW_ZERO:
                return memory(-FRAME, 0);
            case ABOVE_TOP:
                return memory(TOP, TOP + FRAME);
            default:
                return memory(MB, GB);
        }
    }

    private static Optional<Call> slot(long start, long end, boolean large, long host) {
        return Optional.of(new Call(
                Kind.ADD_SLOT,
                start,
                start,
                0,
                new MemorySlot(start, end - start, host, large ? HostBacking.LARGE_PAGES : HostBacking.SMALL_PAGES)));
    }

    private static Optional<Call> memory(long start, long end) {
        return Optional.of(new Call(
                Kind.ADD_MEMORY, start, start, 0, new MemorySlot(start, end - start, 0, HostBacking.SMALL_PAGES)));
    }
}
