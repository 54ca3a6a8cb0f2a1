package org.gmck.kit.steps.largepage;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.util.List;
import java.util.Optional;
import org.gmck.kit.Numbers;
import org.gmck.kit.ScenarioContext;
import org.gmck.spi.largepage.CounterEncoding;
import org.gmck.spi.largepage.LargeMappingDecision;
import org.gmck.spi.largepage.MappingSize;
import org.gmck.spi.largepage.MemorySlot;
import org.gmck.spi.largepage.MmuOptions;
import org.gmck.spi.largepage.ShadowEntry;

/**
 * Steps that create an MMU with any of its options and assert one piece of its state each, as the large-page
 * model writes the sequences it plays: the decision for a frame asked afresh, a 4 KB entry's target and
 * rights at once, a frame without counter, where guest memory's host memory went, a call accepted.
 */
public final class LargePageStateSteps {

    private final LargePageWorld world;
    private final ScenarioContext context;

    public LargePageStateSteps(LargePageWorld world) {
        this.world = world;
        this.context = world.context;
    }

    @Given(
            "a {lpPaging} MMU with counters from {lpEncoding} and the option to back guest memory with large pages {word}")
    public void anMmu(boolean nested, CounterEncoding encoding, String onOrOff) {
        world.create(new MmuOptions(encoding, nested, "on".equals(onOrOff)));
    }

    @Then("the MMU accepted the call")
    public void accepted() {
        context.expectAccepted("the last call");
    }

    @Then("the large-mapping decision for the 2 MB guest frame at {lpAddress} is {word}")
    public void decisionFor(long frame, String decision) {
        world.name(frame);
        context.attempt(() -> world.mmu.largeMappingDecision(frame));
        context.expectEqual(
                "the large-mapping decision for the frame at " + Numbers.hex(frame),
                decision,
                context.<LargeMappingDecision>lastValue(
                                "the large-mapping decision for the frame at " + Numbers.hex(frame))
                        .name());
    }

    @Then("asking whether the 2 MB guest frame at {lpAddress} may be shadowed large is refused with {word}")
    public void decisionRefused(long frame, String status) {
        world.name(frame);
        context.attempt(() -> world.mmu.largeMappingDecision(frame));
        context.expectRejected(status);
    }

    @Then("{lpAddress} is translated by a {lpWritable} 4 KB entry to {lpAddress}")
    public void translatedSmall(long address, boolean writable, long gpa) {
        world.name(address);
        Optional<ShadowEntry> entry = world.mmu.entryFor(address);
        context.expectThat("a present entry translates " + Numbers.hex(address), entry.isPresent());
        context.expectEqual(
                "the size of the entry for " + Numbers.hex(address),
                MappingSize.SMALL_4K,
                entry.get().size());
        context.expectEqual(
                "the guest-physical address the entry for " + Numbers.hex(address) + " maps to",
                Numbers.hex(gpa),
                Numbers.hex(entry.get().gpa()));
        context.expectEqual(
                "whether the 4 KB entry for " + Numbers.hex(address) + " is writable",
                writable,
                entry.get().writable());
    }

    @Then("the 2 MB frame at {lpAddress} has no write-protect counter")
    public void noCounter(long frame) {
        world.name(frame);
        context.attempt(() -> world.mmu.writeProtectCount(frame));
        context.expectRejected("NO_SLOT");
    }

    @Then("the slots the call answered share host memory with no other slot")
    public void ownHostMemory() {
        List<MemorySlot> answered = context.lastValue("the slots added");
        for (MemorySlot a : answered) {
            for (MemorySlot b : world.mmu.slots()) {
                boolean overlap = a.guestBase() != b.guestBase()
                        && a.hostBase() < b.hostBase() + b.size()
                        && b.hostBase() < a.hostBase() + a.size();
                context.expectThat("the host memory of " + a + " is not also that of " + b, !overlap);
            }
        }
    }
}
