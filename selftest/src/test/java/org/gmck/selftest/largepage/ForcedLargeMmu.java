package org.gmck.selftest.largepage;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.gmck.spi.largepage.LargeMappingDecision;
import org.gmck.spi.largepage.MappingSize;
import org.gmck.spi.largepage.ShadowEntry;
import org.gmck.spi.largepage.ShadowMmu;

/**
 * A {@link ShadowMmu} whose large-mapping decisions a fault may change: where the fault says
 * {@link LargeMappingDecision#LARGE} and the reference would not, the mapping calls make one writable 2 MB
 * entry, which write-protecting a page of its frame zaps as any large entry.
 */
abstract class ForcedLargeMmu extends ForwardingShadowMmu {

    private static final long FRAME = MappingSize.LARGE_2M.bytes();

    /** The large entries the fault added, by the address they translate. */
    private final Map<Long, ShadowEntry> forced = new HashMap<>();
    /** The number of shadowed page tables per 2 MB frame. */
    private final Map<Long, Integer> shadowed = new HashMap<>();

    ForcedLargeMmu(ShadowMmu real) {
        super(real);
    }

    /** The faulty decision for the frame at {@code frameGpa}, given the reference's. */
    abstract LargeMappingDecision decide(LargeMappingDecision reference, long frameGpa);

    /** Whether any page table in the frame holding {@code gpa} is shadowed. */
    final boolean anyShadowedIn(long gpa) {
        return shadowed.getOrDefault(gpa & -FRAME, 0) > 0;
    }

    @Override
    public void shadowPageTable(long gpa) {
        real.shadowPageTable(gpa);
        shadowed.merge(gpa & -FRAME, 1, Integer::sum);
        forced.values().removeIf(e -> e.gpa() == (gpa & -FRAME));
    }

    @Override
    public void unshadowPageTable(long gpa) {
        real.unshadowPageTable(gpa);
        shadowed.merge(gpa & -FRAME, -1, Integer::sum);
    }

    @Override
    public LargeMappingDecision largeMappingDecision(long frameGpa) {
        return decide(real.largeMappingDecision(frameGpa), frameGpa);
    }

    @Override
    public LargeMappingDecision shadowGuestLargeEntry(long gva, long gpa) {
        return map(gva, gpa, real.shadowGuestLargeEntry(gva, gpa));
    }

    @Override
    public LargeMappingDecision shadowRealModeEntry(long gpa) {
        return map(gpa, gpa, real.shadowRealModeEntry(gpa));
    }

    @Override
    public LargeMappingDecision mapNestedFrame(long gpa) {
        return map(gpa, gpa, real.mapNestedFrame(gpa));
    }

    @Override
    public Optional<ShadowEntry> entryFor(long address) {
        ShadowEntry entry = forced.get(address & -FRAME);
        return entry != null ? Optional.of(entry) : real.entryFor(address);
    }

    private LargeMappingDecision map(long address, long gpa, LargeMappingDecision reference) {
        forced.remove(address);
        LargeMappingDecision decision = decide(reference, gpa);
        if (decision == LargeMappingDecision.LARGE && reference != LargeMappingDecision.LARGE) {
            forced.put(address, new ShadowEntry(address, gpa, MappingSize.LARGE_2M, true));
        }
        return decision;
    }
}
