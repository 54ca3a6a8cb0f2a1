package org.gmck.kit.steps.largepage;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import org.gmck.kit.Numbers;
import org.gmck.kit.ScenarioContext;
import org.gmck.spi.largepage.CounterArray;

/** Steps about the write-protect counters of whole slots and whole frames. */
public final class LargePageCounterSteps {

    private final LargePageWorld world;
    private final ScenarioContext context;

    public LargePageCounterSteps(LargePageWorld world) {
        this.world = world;
        this.context = world.context;
    }

    @Then("the slot from {lpAddress} has no write-protect counter")
    public void noCounter(long start) {
        CounterArray counters = world.counters(start);
        context.expectEqual(
                "the number of write-protect counters of the slot from " + Numbers.hex(start),
                0,
                counters.raw().size());
    }

    @Then("every frame of the slot from {lpAddress} counts {int} write-protected pages")
    public void everyFrameCounts(long start, int count) {
        CounterArray counters = world.counters(start);
        context.expectThat(
                "the slot from " + Numbers.hex(start) + " has counters",
                !counters.raw().isEmpty());
        for (int i = 0; i < counters.raw().size(); i++) {
            long frame = counters.firstFrame() + i * LargePageWorld.FRAME;
            context.attempt(() -> world.mmu.writeProtectCount(frame));
            context.expectEqual(
                    "the write-protect count of the frame at " + Numbers.hex(frame),
                    count,
                    context.<Integer>lastValue("the write-protect count of the frame at " + Numbers.hex(frame)));
        }
    }

    @Given("every 4 KB page of the 2 MB frame at {lpAddress} holds a page table shadowed {int} time(s)")
    public void everyPageShadowed(long frame, int times) {
        world.name(frame);
        for (int time = 0; time < times; time++) {
            for (long page = frame; page < frame + LargePageWorld.FRAME; page += LargePageWorld.PAGE) {
                long table = page;
                context.attemptRun(() -> world.mmu.shadowPageTable(table));
                context.expectAccepted("shadowing the page table at " + Numbers.hex(table));
            }
        }
    }
}
