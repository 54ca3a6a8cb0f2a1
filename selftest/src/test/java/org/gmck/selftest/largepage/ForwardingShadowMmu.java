package org.gmck.selftest.largepage;

import java.util.List;
import java.util.Optional;
import org.gmck.spi.largepage.CounterArray;
import org.gmck.spi.largepage.LargeMappingDecision;
import org.gmck.spi.largepage.MemorySlot;
import org.gmck.spi.largepage.MmuOptions;
import org.gmck.spi.largepage.ShadowEntry;
import org.gmck.spi.largepage.ShadowMmu;

/** Passes every call to another {@link ShadowMmu}; a fault overrides the one it breaks. */
public class ForwardingShadowMmu implements ShadowMmu {

    protected final ShadowMmu real;

    public ForwardingShadowMmu(ShadowMmu real) {
        this.real = real;
    }

    @Override
    public MmuOptions options() {
        return real.options();
    }

    @Override
    public void addSlot(MemorySlot slot) {
        real.addSlot(slot);
    }

    @Override
    public List<MemorySlot> addGuestMemory(long guestBase, long size) {
        return real.addGuestMemory(guestBase, size);
    }

    @Override
    public List<MemorySlot> slots() {
        return real.slots();
    }

    @Override
    public void shadowPageTable(long gpa) {
        real.shadowPageTable(gpa);
    }

    @Override
    public void unshadowPageTable(long gpa) {
        real.unshadowPageTable(gpa);
    }

    @Override
    public boolean writeProtected(long gpa) {
        return real.writeProtected(gpa);
    }

    @Override
    public LargeMappingDecision largeMappingDecision(long frameGpa) {
        return real.largeMappingDecision(frameGpa);
    }

    @Override
    public LargeMappingDecision shadowGuestLargeEntry(long gva, long gpa) {
        return real.shadowGuestLargeEntry(gva, gpa);
    }

    @Override
    public LargeMappingDecision shadowRealModeEntry(long gpa) {
        return real.shadowRealModeEntry(gpa);
    }

    @Override
    public LargeMappingDecision mapNestedFrame(long gpa) {
        return real.mapNestedFrame(gpa);
    }

    @Override
    public Optional<ShadowEntry> entryFor(long address) {
        return real.entryFor(address);
    }

    @Override
    public CounterArray counters(long slotGuestBase) {
        return real.counters(slotGuestBase);
    }

    @Override
    public int writeProtectCount(long gpa) {
        return real.writeProtectCount(gpa);
    }
}
