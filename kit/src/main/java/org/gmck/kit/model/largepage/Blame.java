package org.gmck.kit.model.largepage;

import static org.gmck.kit.model.largepage.Space.FRAME;
import static org.gmck.kit.model.largepage.Space.TOP;
import static org.gmck.kit.model.largepage.Space.frameOf;
import static org.gmck.kit.model.largepage.Space.pageOf;

import java.util.List;
import java.util.Optional;
import org.gmck.kit.model.largepage.Call.Kind;
import org.gmck.spi.largepage.HostBacking;
import org.gmck.spi.largepage.LargeMappingDecision;
import org.gmck.spi.largepage.LargePageStatus;
import org.gmck.spi.largepage.MappingSize;
import org.gmck.spi.largepage.MemorySlot;
import org.gmck.spi.largepage.ShadowEntry;

/**
 * Which rule a difference after one call breaks: the rule that says what the call must answer or refuse,
 * what it must change and what it must leave alone. A refusal is owned by the rule that says when it is due
 * (also where the adapter refuses a call the model accepts: it claims that rule's condition holds), and
 * everything a refused call changed by the same rule; a large-mapping decision in the minus-one encoding by
 * LP-ENC-5, which requires it to be the one counting from zero gives.
 *
 * @param call   the call
 * @param before the model before it
 * @param after  the model after it
 */
record Blame(Call call, MmuModel before, MmuModel after) {

    /** The rule that says when {@code status} is the right answer to this call. */
    String status(LargePageStatus status) {
        switch (call.kind()) {
            case ADD_SLOT:
                switch (status) {
                    case SLOT_EMPTY:
                        return "LP-BAD-1";
                    case SLOT_MISALIGNED:
                        return "LP-BAD-2";
                    case SLOT_OVERLAP:
                        return "LP-BAD-3";
                    case SLOT_OUT_OF_RANGE:
                        return "LP-BAD-4";
                    default:
                        return slots();
                }
            case ADD_MEMORY:
                return "LP-BAD-6";
            case SHADOW:
            case SHADOW_ALL:
            case UNSHADOW:
                return tableStatus(status);
            case COUNTERS:
            case COUNT:
                return "LP-BAD-14";
            default:
                return mappingStatus(status);
        }
    }

    private String tableStatus(LargePageStatus status) {
        boolean unshadow = call.kind() == Kind.UNSHADOW;
        switch (status) {
            case WRONG_PAGING_MODE:
                return before.slotOf(call.gpa()).isEmpty() ? "LP-NPT-8" : unshadow ? "LP-NPT-6" : "LP-NPT-3";
            case NO_SLOT:
                return "LP-BAD-10";
            case WRITE_PROTECT_COUNT_UNDERFLOW:
                return unshadow ? "LP-BAD-8" : fallback();
            case PAGE_NOT_SHADOWED:
                return unshadow
                        ? before.counterSlot(frameOf(call.gpa())).isPresent() ? "LP-BAD-7" : "LP-BAD-9"
                        : fallback();
            default:
                return fallback();
        }
    }

    private String mappingStatus(LargePageStatus status) {
        boolean misaligned = call.address() % FRAME != 0 || call.gpa() % FRAME != 0;
        switch (status) {
            case WRONG_PAGING_MODE:
                if (call.kind() == Kind.DECIDE) {
                    return fallback();
                }
                return misaligned || before.covered(frameOf(call.gpa())) < FRAME
                        ? "LP-NPT-8"
                        : call.kind() == Kind.MAP_NESTED ? "LP-NPT-5" : "LP-NPT-4";
            case MISALIGNED_LARGE_MAPPING:
                return call.kind() == Kind.MAP_LARGE
                        ? "LP-BAD-12"
                        : call.kind() == Kind.DECIDE ? "LP-BAD-13" : "LP-BAD-15";
            case NO_SLOT:
                return noSlot(frameOf(call.gpa()));
            default:
                return fallback();
        }
    }

    /** NO_SLOT for a frame: LP-BAD-11 where part of it lies in slots, else LP-BAD-10. */
    String noSlot(long frame) {
        long covered = after.covered(frame);
        return covered > 0 && covered < FRAME ? "LP-BAD-11" : "LP-BAD-10";
    }

    /** A difference in what asking about a frame answers, the model expecting {@code expected}. */
    String frameQuestion(long frame, Answer expected, Answer actual) {
        if (!expected.accepted()) {
            return expected.status() == LargePageStatus.NO_SLOT ? noSlot(frame) : "LP-BAD-13";
        }
        if (!actual.accepted()) {
            return actual.status() == LargePageStatus.NO_SLOT
                    ? noSlot(frame)
                    : actual.status() == LargePageStatus.MISALIGNED_LARGE_MAPPING
                            ? "LP-BAD-13"
                            : decision(frame, (LargeMappingDecision) expected.value(), null);
        }
        return decision(frame, (LargeMappingDecision) expected.value(), actual.value());
    }

    /**
     * A large-mapping decision that differs from the model's {@code expected} for the frame, made by this call
     * (when it shadows a mapping) or asked afterwards.
     */
    String decision(long frame, LargeMappingDecision expected, Object actual) {
        MmuModel m = after;
        if (m.count(frame) >= 512 && expected == LargeMappingDecision.SMALL_WRITE_PROTECTED) {
            return "LP-ENC-8";
        }
        if (m.minusOne()) {
            return "LP-ENC-5";
        }
        if (m.nested()) {
            switch (expected) {
                case LARGE:
                    return "LP-NPT-1";
                case SMALL_FRAME_NOT_IN_ONE_SLOT:
                    return "LP-NPT-7";
                default:
                    return "LP-NPT-2";
            }
        }
        Optional<MmuModel.Slot> slot = m.counterSlot(frame);
        boolean emulator = slot.isPresent() && slot.get().origin() == MmuModel.Origin.EMULATOR;
        switch (expected) {
            case LARGE:
                if (m.released(frame)) {
                    return "LP-MAP-6";
                }
                if (emulator && m.options.backWithLargePages()) {
                    return "LP-SPLIT-3";
                }
                return call.kind() == Kind.MAP_REAL_MODE ? "LP-MAP-2" : "LP-MAP-1";
            case SMALL_HOST_NOT_LARGE:
                return emulator && !m.options.backWithLargePages() ? "LP-SPLIT-5" : "LP-MAP-3";
            case SMALL_HOST_MISALIGNED:
                return "LP-MAP-4";
            case SMALL_FRAME_NOT_IN_ONE_SLOT:
                return "LP-MAP-7";
            default:
                if (call.kind().maps() && m.zapped(call.address())) {
                    return "LP-ZAP-6";
                }
                return m.repeatedIn(frame) && actual == LargeMappingDecision.LARGE ? "LP-CNT-6" : "LP-MAP-5";
        }
    }

    /** Whether a page is write-protected. */
    String protection(long page, boolean expected) {
        if (after.nested()) {
            return "LP-NPT-3";
        }
        if (expected) {
            return after.counterSlot(frameOf(page)).isEmpty() ? "LP-CNT-7" : "LP-CNT-6";
        }
        return after.everShadowed(page) ? "LP-CNT-8" : "LP-CNT-6";
    }

    /** The entry translating {@code address}: the model expects {@code expected}, the adapter has {@code actual}. */
    String entry(long address, Optional<ShadowEntry> expected, Optional<ShadowEntry> actual) {
        long frame = frameOf(address);
        Optional<ShadowEntry> old = before.entry(address);
        if (call.kind().maps()) {
            if (frame != call.address()) {
                return after.nested() ? "LP-NPT-1" : "LP-MAP-10";
            }
            if (actual.isPresent() && old.isPresent() && same(actual, old) && !same(expected, old)) {
                return after.nested() ? "LP-NPT-1" : "LP-MAP-10";
            }
            LargeMappingDecision decision = after.decide(call.gpa());
            if (!same(expected, actual)) {
                boolean sameSize = expected.isPresent()
                        && actual.isPresent()
                        && expected.get().size() == actual.get().size();
                if (!sameSize) {
                    return decision(
                            call.gpa(),
                            decision,
                            actual.map(e -> e.size() == MappingSize.LARGE_2M ? LargeMappingDecision.LARGE : null)
                                    .orElse(null));
                }
                if (expected.get().size() == MappingSize.LARGE_2M) {
                    return after.nested() ? "LP-NPT-1" : call.kind() == Kind.MAP_REAL_MODE ? "LP-MAP-2" : "LP-MAP-1";
                }
                boolean split = decision == LargeMappingDecision.SMALL_FRAME_NOT_IN_ONE_SLOT;
                return after.nested() ? split ? "LP-NPT-7" : "LP-NPT-2" : split ? "LP-MAP-7" : "LP-MAP-3";
            }
            if (after.nested()) {
                return decision == LargeMappingDecision.SMALL_FRAME_NOT_IN_ONE_SLOT ? "LP-NPT-7" : "LP-NPT-2";
            }
            return after.writeProtected(expected.get().gpa()) ? "LP-MAP-8" : "LP-MAP-9";
        }
        if (call.kind().protects()) {
            long protectedFrame = frameOf(call.gpa());
            if (old.isPresent()
                    && old.get().size() == MappingSize.LARGE_2M
                    && old.get().gpa() == protectedFrame) {
                return before.largeEntriesOver(protectedFrame) >= 2 ? "LP-ZAP-2" : "LP-ZAP-1";
            }
            if (expected.isPresent() && frameOf(expected.get().gpa()) == protectedFrame) {
                return call.kind() == Kind.SHADOW_ALL || pageOf(expected.get().gpa()) == pageOf(call.gpa())
                        ? "LP-ZAP-4"
                        : "LP-ZAP-5";
            }
            return after.mappedBefore(frame, protectedFrame) ? "LP-ZAP-7" : "LP-ZAP-3";
        }
        return call.kind() == Kind.UNSHADOW ? "LP-ZAP-8" : fallback();
    }

    private static boolean same(Optional<ShadowEntry> a, Optional<ShadowEntry> b) {
        return a.isPresent() == b.isPresent()
                && (a.isEmpty()
                        || a.get().size() == b.get().size()
                                && a.get().gpa() == b.get().gpa());
    }

    /** A raw counter of the frame. */
    String raw(long frame) {
        boolean own = frameOf(call.gpa()) == frame;
        boolean minusOne = after.minusOne();
        if (call.kind().protects()) {
            return !own ? "LP-CNT-4" : minusOne ? "LP-ENC-2" : "LP-CNT-3";
        }
        if (call.kind() == Kind.UNSHADOW) {
            return !own ? "LP-CNT-5" : minusOne ? "LP-ENC-3" : "LP-CNT-5";
        }
        if (after.count(frame) > 0) {
            return minusOne ? "LP-ENC-2" : "LP-CNT-3";
        }
        if (after.released(frame)) {
            return minusOne ? "LP-ENC-3" : "LP-CNT-5";
        }
        return minusOne ? "LP-ENC-1" : "LP-CNT-2";
    }

    /** The slot list. */
    String slots() {
        if (call.kind() == Kind.ADD_MEMORY) {
            return split();
        }
        if (call.kind() != Kind.ADD_SLOT) {
            return fallback();
        }
        MemorySlot s = call.slot();
        return before.touches(s.guestBase(), s.guestEnd()) ? "LP-BAD-5" : s.guestEnd() == TOP ? "LP-BAD-4" : "LP-BAD-3";
    }

    /** How guest memory is split into slots. */
    String split() {
        if (!after.options.backWithLargePages()) {
            return "LP-SPLIT-4";
        }
        MemorySlot s = call.slot();
        List<MemorySlot> pieces = before.pieces(s.guestBase(), s.size());
        boolean headAligned = s.guestBase() % FRAME == 0;
        boolean tailAligned = s.guestEnd() % FRAME == 0;
        if (pieces.size() == 1 && pieces.get(0).backing() != HostBacking.LARGE_PAGES) {
            return "LP-SPLIT-7";
        }
        return headAligned && tailAligned ? "LP-SPLIT-8" : !tailAligned ? "LP-SPLIT-6" : "LP-SPLIT-1";
    }

    /** The rule of the call itself, for anything else it changed. */
    String fallback() {
        switch (call.kind()) {
            case ADD_SLOT:
            case ADD_MEMORY:
                return slots();
            case SHADOW:
                return after.nested() ? "LP-NPT-3" : "LP-CNT-6";
            case UNSHADOW:
                return after.nested() ? "LP-NPT-6" : "LP-CNT-8";
            case SHADOW_ALL:
                return "LP-ENC-8";
            case MAP_LARGE:
            case MAP_REAL_MODE:
                return "LP-MAP-10";
            case MAP_NESTED:
                return "LP-NPT-1";
            case DECIDE:
                return after.nested() ? "LP-NPT-1" : "LP-MAP-1";
            case COUNTERS:
                return "LP-CNT-1";
            default:
                return "LP-ENC-4";
        }
    }
}
