package org.gmck.kit.model.largepage;

import static org.gmck.kit.model.largepage.Space.FRAME;
import static org.gmck.kit.model.largepage.Space.PAGE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gmck.kit.model.Disagreement;
import org.gmck.kit.model.ModelSession;
import org.gmck.kit.model.Step;
import org.gmck.spi.largepage.CounterArray;
import org.gmck.spi.largepage.HostBacking;
import org.gmck.spi.largepage.LargePageStatus;
import org.gmck.spi.largepage.MemorySlot;
import org.gmck.spi.largepage.ShadowMmu;

/**
 * One sequence of the large-page model: an MMU of one variant on the adapter, the model beside it, each call
 * made on both and compared (see {@link Judge}).
 */
final class LpSession implements ModelSession<LpOp> {

    private final LpVariant variant;
    private final ShadowMmu mmu;
    private final MmuModel model;
    private final Calls calls;
    private final boolean introspection;

    LpSession(ShadowMmu mmu, LpVariant variant, boolean introspection, String unshadowedSmallEntry) {
        this.variant = variant;
        this.mmu = mmu;
        this.model = new MmuModel(variant.options(), unshadowedSmallEntry);
        this.calls = new Calls(model, introspection);
        this.introspection = introspection;
    }

    @Override
    public List<String> setup() {
        return List.of(variant.setup());
    }

    @Override
    public Step apply(LpOp op) {
        Optional<Call> made = calls.of(op);
        if (made.isEmpty()) {
            return Step.skipped();
        }
        Call call = made.get();
        MmuModel before = model.copy();
        Answer expected = onModel(call);
        Answer actual = onAdapter(call);
        if (call.kind() == Call.Kind.ADD_MEMORY && expected.accepted()) {
            learnHosts(call);
        }
        Optional<Disagreement> found = new Judge(mmu, before, model, call, expected, actual, introspection).judge();
        return found.map(d -> Step.disagreed(call.gherkin(), d)).orElseGet(() -> Step.agreed(call.gherkin()));
    }

    private Answer onModel(Call call) {
        switch (call.kind()) {
            case ADD_SLOT: {
                MemorySlot s = call.slot();
                Optional<LargePageStatus> refusal = model.check(s);
                if (refusal.isPresent()) {
                    return Answer.refused(refusal.get());
                }
                model.add(
                        new MmuModel.Slot(s.guestBase(), s.size(), s.hostBase(), s.backing(), MmuModel.Origin.DIRECT));
                return Answer.DONE;
            }
            case ADD_MEMORY:
                return model.check(call.slot())
                        .map(Answer::refused)
                        .orElseGet(() -> Answer.of(model.pieces(
                                call.slot().guestBase(), call.slot().size())));
            case SHADOW:
                return model.shadow(call.gpa());
            case UNSHADOW:
                return model.unshadow(call.gpa());
            case SHADOW_ALL:
                for (int t = 0; t < call.times(); t++) {
                    for (long page = call.gpa(); page < call.gpa() + FRAME; page += PAGE) {
                        model.shadow(page);
                    }
                }
                return Answer.DONE;
            case MAP_LARGE:
                return model.map(MmuModel.Kind.GUEST_LARGE_ENTRY, call.address(), call.gpa());
            case MAP_REAL_MODE:
                return model.map(MmuModel.Kind.REAL_MODE_ENTRY, call.gpa(), call.gpa());
            case MAP_NESTED:
                return model.map(MmuModel.Kind.NESTED_FRAME, call.gpa(), call.gpa());
            case DECIDE:
                return model.decision(call.gpa());
            case COUNTERS:
                return model.counters(call.gpa());
            default:
                return model.writeProtectCount(call.gpa());
        }
    }

    private Answer onAdapter(Call call) {
        switch (call.kind()) {
            case ADD_SLOT:
                return Answer.from(() -> {
                    mmu.addSlot(call.slot());
                    return Boolean.TRUE;
                });
            case ADD_MEMORY:
                return Answer.from(() ->
                        mmu.addGuestMemory(call.slot().guestBase(), call.slot().size()));
            case SHADOW:
                return Answer.from(() -> {
                    mmu.shadowPageTable(call.gpa());
                    return Boolean.TRUE;
                });
            case UNSHADOW:
                return Answer.from(() -> {
                    mmu.unshadowPageTable(call.gpa());
                    return Boolean.TRUE;
                });
            case SHADOW_ALL:
                return Answer.from(() -> {
                    for (int t = 0; t < call.times(); t++) {
                        for (long page = call.gpa(); page < call.gpa() + FRAME; page += PAGE) {
                            mmu.shadowPageTable(page);
                        }
                    }
                    return Boolean.TRUE;
                });
            case MAP_LARGE:
                return Answer.from(() -> mmu.shadowGuestLargeEntry(call.address(), call.gpa()));
            case MAP_REAL_MODE:
                return Answer.from(() -> mmu.shadowRealModeEntry(call.gpa()));
            case MAP_NESTED:
                return Answer.from(() -> mmu.mapNestedFrame(call.gpa()));
            case DECIDE:
                return Answer.from(() -> mmu.largeMappingDecision(call.gpa()));
            case COUNTERS:
                return Answer.from(() -> mmu.counters(call.gpa()));
            default:
                return Answer.from(() -> mmu.writeProtectCount(call.gpa()));
        }
    }

    /**
     * Adds the slots guest memory became to the model, with the host addresses the adapter chose (where it made
     * a slot the model does not expect, the comparisons that follow say so and the sequence ends).
     */
    private void learnHosts(Call call) {
        List<MemorySlot> made = mmu.slots();
        for (MemorySlot piece :
                model.pieces(call.slot().guestBase(), call.slot().size())) {
            long host = made.stream()
                    .filter(s -> s.guestBase() == piece.guestBase() && s.size() == piece.size())
                    .mapToLong(MemorySlot::hostBase)
                    .findFirst()
                    .orElse(piece.guestBase());
            model.add(new MmuModel.Slot(
                    piece.guestBase(), piece.size(), host, piece.backing(), MmuModel.Origin.EMULATOR));
        }
    }

    @Override
    public List<String> checks() {
        List<String> checks = new ArrayList<>();
        checks.add(Thens.countsFrom(variant.options().encoding()));
        List<MmuModel.Slot> slots = model.slots();
        checks.add(Thens.memorySlots(slots.stream().map(MmuModel.Slot::spi).toList()));
        for (MmuModel.Slot s : slots) {
            if (s.origin() == MmuModel.Origin.EMULATOR && s.backing() == HostBacking.LARGE_PAGES) {
                checks.add(Thens.hostAligned(s.base()));
            }
        }
        for (long page : Space.observedPages()) {
            if (model.slotOf(page).isPresent()) {
                checks.add(Thens.protection(page, model.writeProtected(page)));
            }
        }
        for (long frame : Space.observedFrames()) {
            checks.add(Thens.frameDecision(frame, model.decision(frame)));
        }
        for (long frame : Space.observedEntryFrames()) {
            if (model.mapping(frame).isEmpty()) {
                checks.add(Thens.entry(frame, Optional.empty()));
                continue;
            }
            for (long offset : Space.PAGES) {
                checks.add(Thens.entry(frame + offset, model.entry(frame + offset)));
            }
        }
        if (introspection) {
            for (MmuModel.Slot s : slots) {
                CounterArray counters = (CounterArray) model.counters(s.base()).value();
                checks.add(Thens.counterShape(s.base(), counters.raw().size(), counters.firstFrame()));
                checks.add(Thens.counterEncoding(s.base(), counters.encoding()));
                if (counters.raw().isEmpty()) {
                    continue;
                }
                if (counters.raw().stream().distinct().count() == 1) {
                    checks.add(Thens.everyRaw(s.base(), counters.raw().get(0)));
                    continue;
                }
                for (int i = 0; i < counters.raw().size(); i++) {
                    checks.add(Thens.raw(
                            counters.firstFrame() + i * FRAME, counters.raw().get(i)));
                }
            }
            for (long frame : Space.observedFrames()) {
                checks.add(Thens.count(frame, model.writeProtectCount(frame)));
            }
        }
        return checks;
    }
}
