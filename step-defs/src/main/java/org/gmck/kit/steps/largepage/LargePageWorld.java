package org.gmck.kit.steps.largepage;

import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.gmck.kit.Numbers;
import org.gmck.kit.ScenarioContext;
import org.gmck.spi.common.Profile;
import org.gmck.spi.largepage.CounterArray;
import org.gmck.spi.largepage.MemorySlot;
import org.gmck.spi.largepage.MmuOptions;
import org.gmck.spi.largepage.ShadowMmu;

/**
 * What the large-page steps of one scenario share: the MMU under test, the addresses the scenario has named
 * (which a refused call is checked not to have changed), what the MMU showed at them before the last call,
 * and the frame the last group of page tables was put in.
 */
public final class LargePageWorld {

    /** Page tables put in one frame by one step sit 8 KB apart, from 8 KB into the frame. */
    static final long TABLE_STRIDE = 8L << 10;
    /** A 4 KB page. */
    static final long PAGE = 1L << 12;
    /** A 2 MB frame. */
    static final long FRAME = 1L << 21;

    final ScenarioContext context;
    ShadowMmu mmu;
    long tablesFrame;
    private final TreeSet<Long> named = new TreeSet<>();
    private MmuObservation before;
    private TreeSet<Long> namedBefore = new TreeSet<>();

    public LargePageWorld(ScenarioContext context) {
        this.context = context;
    }

    /** Creates the MMU under test. */
    void create(MmuOptions options) {
        context.attempt(() -> context.adapter().largePages().newMmu(options));
        mmu = context.lastValue("a new MMU with " + options);
    }

    /** Runs a call into the MMU, remembering what the MMU showed just before it. */
    void call(Supplier<Object> call) {
        namedBefore = new TreeSet<>(named);
        before = observe(namedBefore);
        context.attempt(call);
    }

    /** Runs a call that returns nothing into the MMU; see {@link #call(Supplier)}. */
    void run(Runnable call) {
        call(() -> {
            call.run();
            return Boolean.TRUE;
        });
    }

    /** Names an address, so that a refused call is checked to have changed nothing there. */
    void name(long address) {
        named.add(address);
    }

    /** Checks that the MMU shows at the named addresses what it showed before the last call. */
    void expectUnchanged() {
        context.expectUnchanged("what the MMU shows at the named addresses", before, observe(namedBefore));
    }

    CounterArray counters(long start) {
        context.attempt(() -> mmu.counters(start));
        return context.lastValue("the counters of the slot from " + Numbers.hex(start));
    }

    MemorySlot slotAt(long start) {
        return mmu.slots().stream()
                .filter(s -> s.guestBase() == start)
                .findFirst()
                .orElseThrow(() -> context.failure("a memory slot starts at " + Numbers.hex(start), null));
    }

    MemorySlot slotHolding(long gpa) {
        return mmu.slots().stream()
                .filter(s -> s.contains(gpa))
                .findFirst()
                .orElseThrow(() -> context.failure("a memory slot holds " + Numbers.hex(gpa), null));
    }

    /** The first host address past the host memory of every slot. */
    long hostEnd() {
        List<MemorySlot> slots = mmu.slots();
        long end = 0;
        for (MemorySlot slot : slots) {
            end = Math.max(end, slot.hostBase() + slot.size());
        }
        return end;
    }

    private MmuObservation observe(TreeSet<Long> addresses) {
        return MmuObservation.of(
                mmu, addresses, context.adapter().profiles().contains(Profile.LARGE_PAGES_INTROSPECTION));
    }
}
