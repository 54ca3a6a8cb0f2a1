package org.gmck.kit.model.largepage;

import static org.gmck.kit.model.largepage.Space.FRAME;
import static org.gmck.kit.model.largepage.Space.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.gmck.kit.model.Disagreement;
import org.gmck.kit.model.largepage.Call.Kind;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.largepage.CounterArray;
import org.gmck.spi.largepage.HostBacking;
import org.gmck.spi.largepage.LargeMappingDecision;
import org.gmck.spi.largepage.LargePageStatus;
import org.gmck.spi.largepage.MappingSize;
import org.gmck.spi.largepage.MemorySlot;
import org.gmck.spi.largepage.ShadowEntry;
import org.gmck.spi.largepage.ShadowMmu;

/**
 * The comparisons after one call, stopping at the first difference: the encoding the MMU reports, what the
 * call answered, the slots (and for guest memory what the call answered, where the host memory went), then
 * the write protection of every page the model looks at, the decision for every frame, the entry translating
 * every address, and with the introspection profile every slot's counters and every frame's count. What a
 * refused call changed is blamed on the rule of its refusal; anything else on the rule {@link Blame} names.
 */
final class Judge {

    private final ShadowMmu mmu;
    private final MmuModel model;
    private final Call call;
    private final Blame blame;
    private final Answer expected;
    private final Answer actual;
    private final boolean introspection;
    /** The rule of everything the call changed, when the model refused it. */
    private final Optional<String> refusedBy;

    private Optional<Disagreement> found = Optional.empty();

    Judge(
            ShadowMmu mmu,
            MmuModel before,
            MmuModel after,
            Call call,
            Answer expected,
            Answer actual,
            boolean introspection) {
        this.mmu = mmu;
        this.model = after;
        this.call = call;
        this.blame = new Blame(call, before, after);
        this.expected = expected;
        this.actual = actual;
        this.introspection = introspection;
        this.refusedBy = expected.refusal().map(blame::status);
    }

    Optional<Disagreement> judge() {
        compare(
                () -> "the encoding among the MMU's options",
                model.options.encoding(),
                () -> mmu.options().encoding(),
                a -> "LP-ENC-7",
                () -> Thens.countsFrom(model.options.encoding()));
        outcome();
        slots();
        for (long page : Space.observedPages()) {
            boolean wp = model.writeProtected(page);
            compare(
                    () -> "whether the page at " + text(page) + " is write-protected",
                    wp,
                    () -> mmu.writeProtected(page),
                    a -> state(() -> blame.protection(page, wp)),
                    () -> Thens.protection(page, wp));
        }
        for (long frame : Space.observedFrames()) {
            Answer decision = model.decision(frame);
            compare(
                    () -> "the large-mapping decision for the frame at " + text(frame),
                    decision,
                    () -> Answer.from(() -> mmu.largeMappingDecision(frame)),
                    a -> state(() -> blame.frameQuestion(frame, decision, a)),
                    () -> Thens.frameDecision(frame, decision));
        }
        for (long frame : Space.observedEntryFrames()) {
            for (long offset : Space.PAGES) {
                long address = frame + offset;
                Optional<ShadowEntry> entry = model.entry(address);
                boolean open = model.writabilityOpen(address);
                compare(
                        () -> "the entry translating " + text(address),
                        open ? sized(seen(entry)) : seen(entry),
                        () -> open ? sized(seen(mmu.entryFor(address))) : seen(mmu.entryFor(address)),
                        a -> state(() -> blame.entry(address, entry, unseen(a))),
                        () -> Thens.entry(address, entry));
            }
        }
        if (introspection) {
            for (MmuModel.Slot slot : model.slots()) {
                if (found.isPresent()) {
                    break;
                }
                CounterArray counters =
                        (CounterArray) model.counters(slot.base()).value();
                Answer got = Answer.from(() -> mmu.counters(slot.base()));
                if (got.accepted()) {
                    counters(slot.base(), counters, (CounterArray) got.value(), this::state);
                } else {
                    compare(
                            () -> "the counters of the slot from " + text(slot.base()),
                            Answer.of(counters),
                            () -> got,
                            a -> state(() -> "LP-BAD-14"),
                            () -> Thens.counterShape(slot.base(), counters.raw().size(), counters.firstFrame()));
                }
            }
            for (long frame : Space.observedFrames()) {
                Answer count = model.writeProtectCount(frame);
                compare(
                        () -> "the write-protect count of the frame at " + text(frame),
                        count,
                        () -> Answer.from(() -> mmu.writeProtectCount(frame)),
                        a -> state(() -> count.accepted() && a.accepted() ? "LP-ENC-4" : "LP-BAD-14"),
                        () -> Thens.count(frame, count));
            }
        }
        return found;
    }

    /** What the call itself answered. */
    private void outcome() {
        if (addressRefusalInstead()) {
            return;
        }
        if (!expected.accepted()) {
            compare(
                    () -> "what the call answered",
                    expected,
                    () -> actual,
                    a -> blame.status(expected.status()),
                    () -> Thens.rejected(expected.status()));
            return;
        }
        if (!actual.accepted()) {
            String then = call.kind() == Kind.ADD_MEMORY
                    ? Thens.answeredSlots(pieces())
                    : call.kind().maps() || call.kind() == Kind.DECIDE
                            ? Thens.decision(expected.value())
                            : call.kind() == Kind.SHADOW_ALL
                                    ? Thens.protection(call.gpa(), true)
                                    : call.kind() == Kind.COUNT ? Thens.count(call.gpa(), expected) : Thens.accepted();
            compare(
                    () -> "what the call answered",
                    expected,
                    () -> actual,
                    a -> blame.status(actual.status()),
                    () -> then);
            return;
        }
        if (call.kind().maps() || call.kind() == Kind.DECIDE) {
            long frame = call.gpa();
            LargeMappingDecision decision = (LargeMappingDecision) expected.value();
            compare(
                    () -> "the large-mapping decision the call answered",
                    decision,
                    actual::value,
                    a -> blame.decision(frame, decision, a),
                    () -> Thens.decision(decision));
        } else if (call.kind() == Kind.COUNTERS) {
            counters(call.gpa(), (CounterArray) expected.value(), (CounterArray) actual.value(), Supplier::get);
        } else if (call.kind() == Kind.COUNT) {
            compare(
                    () -> "the write-protect count the call answered",
                    expected.value(),
                    actual::value,
                    a -> "LP-ENC-4",
                    () -> Thens.count(call.gpa(), expected));
        }
    }

    /** The slots, and for guest memory the slots the call answered and their host memory. */
    private void slots() {
        List<MemorySlot> slots = model.slots().stream().map(MmuModel.Slot::spi).toList();
        compare(
                () -> "the memory slots (guest range and host page size)",
                shapes(slots),
                () -> shapes(mmu.slots()),
                a -> state(blame::slots),
                () -> Thens.memorySlots(slots));
        if (call.kind() != Kind.ADD_MEMORY || !expected.accepted() || !actual.accepted() || found.isPresent()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<MemorySlot> answered = (List<MemorySlot>) actual.value();
        compare(
                () -> "the slots the call answered, in order",
                shapes(pieces()),
                () -> shapes(answered),
                a -> "LP-SPLIT-9",
                () -> Thens.answeredSlots(pieces()));
        for (MemorySlot s : answered) {
            if (s.backing() == HostBacking.LARGE_PAGES) {
                compare(
                        () -> "the host address of the slot from " + text(s.guestBase()) + " modulo 2 MB",
                        Math.floorMod(s.guestBase(), FRAME),
                        () -> Math.floorMod(s.hostBase(), FRAME),
                        a -> "LP-SPLIT-2",
                        () -> Thens.hostAligned(s.guestBase()));
            }
        }
        compare(
                () -> "the slots sharing host memory with the slots the call answered",
                List.of(),
                () -> sharing(answered),
                a -> "LP-SPLIT-10",
                () -> Thens.hostOwn());
    }

    /** The counters of one slot: their number and first frame, their encoding, then each raw value. */
    private void counters(long base, CounterArray expect, CounterArray got, Function<Supplier<String>, String> rule) {
        int n = expect.raw().size();
        compare(
                () -> "the write-protect counters of the slot from " + text(base) + " (how many, and the first frame)",
                shape(expect),
                () -> shape(got),
                a -> rule.apply(() -> "LP-CNT-1"),
                () -> Thens.counterShape(base, n, expect.firstFrame()));
        compare(
                () -> "the encoding of the counters of the slot from " + text(base),
                expect.encoding(),
                got::encoding,
                a -> rule.apply(() -> "LP-ENC-6"),
                () -> Thens.counterEncoding(base, expect.encoding()));
        for (int i = 0; i < n; i++) {
            long frame = expect.firstFrame() + i * FRAME;
            int raw = expect.raw().get(i);
            int index = i;
            compare(
                    () -> "the raw counter of the frame at " + text(frame),
                    raw,
                    () -> got.raw().get(index),
                    a -> rule.apply(() -> blame.raw(frame)),
                    () -> Thens.raw(frame, raw));
        }
    }

    private static String shape(CounterArray counters) {
        return counters.raw().size() + (counters.raw().isEmpty() ? "" : " from " + text(counters.firstFrame()));
    }

    /** The rule of a difference in the state: the refusal's, if the call was refused, else the one given. */
    private String state(Supplier<String> rule) {
        return refusedBy.orElseGet(rule);
    }

    /** The slots guest memory becomes, as the model has them after the call. */
    private List<MemorySlot> pieces() {
        return model.pieces(call.slot().guestBase(), call.slot().size());
    }

    private List<String> sharing(List<MemorySlot> answered) {
        List<String> sharing = new ArrayList<>();
        List<MemorySlot> all = mmu.slots();
        for (MemorySlot a : answered) {
            for (MemorySlot b : all) {
                boolean same = a.guestBase() == b.guestBase();
                if (!same && a.hostBase() < b.hostBase() + b.size() && b.hostBase() < a.hostBase() + a.size()) {
                    sharing.add(a + " and " + b);
                }
            }
        }
        return sharing;
    }

    private static List<String> shapes(List<MemorySlot> slots) {
        return slots.stream()
                .map(s -> text(s.guestBase()) + " to " + text(s.guestEnd()) + " on "
                        + (s.backing() == HostBacking.LARGE_PAGES ? "2 MB" : "4 KB") + " pages")
                .toList();
    }

    /** An entry as the steps see it: its size, what it maps to and, for a 4 KB entry, whether it is writable. */
    private record Seen(MappingSize size, long gpa, Boolean writable) {

        @Override
        public String toString() {
            return (size == MappingSize.LARGE_2M
                            ? "a 2 MB entry"
                            : writable == null
                                    ? "a 4 KB entry"
                                    : "a " + (writable ? "writable" : "read-only") + " 4 KB entry")
                    + " to " + text(gpa);
        }
    }

    private static Optional<Seen> seen(Optional<ShadowEntry> entry) {
        return entry.map(e -> new Seen(e.size(), e.gpa(), e.size() == MappingSize.LARGE_2M ? null : e.writable()));
    }

    /** An entry without its writability, where the declared readings part on it (I-LP-5). */
    private static Optional<Seen> sized(Optional<Seen> seen) {
        return seen.map(s -> new Seen(s.size(), s.gpa(), null));
    }

    private static Optional<ShadowEntry> unseen(Optional<Seen> seen) {
        return seen == null
                ? Optional.empty()
                : seen.map(s -> new ShadowEntry(0, s.gpa(), s.size(), s.writable() == null || s.writable()));
    }

    /**
     * Whether the adapter refused a call of the other paging mode for its address (NO_SLOT or
     * MISALIGNED_LARGE_MAPPING) where the model refuses it for the paging mode first: the order LP-NPT-8 only
     * recommends (I-LP-8), so the run goes on; either refusal changes nothing, which the comparisons that follow
     * check.
     */
    private boolean addressRefusalInstead() {
        return expected.status() == LargePageStatus.WRONG_PAGING_MODE
                && refusedBy.filter("LP-NPT-8"::equals).isPresent()
                && (actual.status() == LargePageStatus.NO_SLOT
                        || actual.status() == LargePageStatus.MISALIGNED_LARGE_MAPPING);
    }

    /**
     * Compares one value, unless a difference was found already. {@code rule} is given what the adapter showed
     * (null if it failed to answer) and names the rule the difference breaks.
     */
    private <T> void compare(
            Supplier<String> what, Object expect, Supplier<T> read, Function<T, String> rule, Supplier<String> then) {
        if (found.isPresent()) {
            return;
        }
        T value;
        try {
            value = read.get();
        } catch (RejectedException e) {
            found = Optional.of(new Disagreement(
                    rule.apply(null),
                    what.get() + ": expected " + expect + ", but the adapter refused to answer (" + e.getMessage()
                            + ")",
                    then.get()));
            return;
        }
        if (!Objects.equals(expect, value)) {
            found = Optional.of(new Disagreement(
                    rule.apply(value),
                    what.get() + " after \"" + call.gherkin() + "\": expected " + expect + ", got " + value,
                    then.get()));
        }
    }
}
