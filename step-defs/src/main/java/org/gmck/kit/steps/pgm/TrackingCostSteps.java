package org.gmck.kit.steps.pgm;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.gmck.kit.NotApplicable;
import org.gmck.kit.Numbers;
import org.gmck.kit.ScenarioContext;
import org.gmck.spi.pgm.phys.ChunkOverhead;
import org.gmck.spi.pgm.phys.HostBitness;
import org.gmck.spi.pgm.phys.TrackingCost;

/** Steps for what tracking guest RAM costs. They reach the implementation only through the SPI. */
public final class TrackingCostSteps {

    private static final long PAGE = 4096;

    private final ScenarioContext context;
    private final PhysWorld world;

    public TrackingCostSteps(ScenarioContext context, PhysWorld world) {
        this.context = context;
        this.world = world;
    }

    @When("I ask what tracking {pgmSize} of guest RAM costs on a {pgmHostBitness} host")
    public void askCost(long ramBytes, HostBitness bitness) {
        world.costAsked(ramBytes, bitness);
        context.attempt(() -> world.factory().trackingCost(ramBytes, bitness));
    }

    @When("I ask what tracking {int} chunk(s) and {int} page(s) of guest RAM cost(s) on a {pgmHostBitness} host")
    public void askCostInChunks(int chunks, int pages, HostBitness bitness) {
        askCost((chunks * overhead(bitness).pagesPerChunk() + pages) * PAGE, bitness);
    }

    /** The chunk overhead the adapter states; one that states none makes the scenario not applicable. */
    private ChunkOverhead overhead(HostBitness bitness) {
        ChunkOverhead overhead = world.factory().chunkOverhead(bitness).orElse(null);
        NotApplicable.unless(
                overhead != null,
                () -> "adapter '" + context.adapter().name() + "' does not state its per-chunk overhead on a " + bitness
                        + " host");
        return overhead;
    }

    private TrackingCost cost() {
        return context.lastValue("the cost");
    }

    @Then("the VM's own tracking costs {pgmSize}")
    public void ownTrackingCost(long bytes) {
        context.expectEqual("the VM's tracking bytes", bytes, world.memory.trackingBytes());
    }

    @Then("the per-VM cost is {pgmSize}")
    public void perVmCost(long bytes) {
        context.expectEqual("the per-VM tracking bytes", bytes, cost().perVmBytes());
    }

    @Then("the kernel cost is {pgmSize}")
    public void kernelCost(long bytes) {
        context.expectEqual("the kernel tracking bytes", bytes, cost().kernelBytes());
    }

    @Then("the total cost is {pgmSize}")
    public void totalCost(long bytes) {
        context.expectEqual("the total tracking bytes", bytes, cost().totalBytes());
    }

    @Then("the chunk overhead is that of {int} chunk(s)")
    public void chunkOverheadOf(int chunks) {
        ChunkOverhead overhead = overhead(world.costHost());
        context.expectEqual(
                "the per-chunk overhead of " + Numbers.hex(world.costRam()) + " bytes of RAM on a "
                        + world.costHost() + " host, " + chunks + " chunks of " + overhead.perChunkBytes() + " bytes ("
                        + overhead + ")",
                chunks * overhead.perChunkBytes(),
                cost().chunkBytes());
    }

    @Then("the chunk overhead is that of every chunk the RAM needs, the last one counted whole")
    public void chunkOverheadOfEveryChunk() {
        ChunkOverhead overhead = overhead(world.costHost());
        long pages = world.costRam() / PAGE;
        long chunks = (pages + overhead.pagesPerChunk() - 1) / overhead.pagesPerChunk();
        context.expectEqual(
                "the per-chunk overhead of " + Numbers.hex(world.costRam()) + " bytes of RAM on a "
                        + world.costHost() + " host, " + chunks + " chunks of " + overhead.perChunkBytes() + " bytes ("
                        + overhead + ")",
                chunks * overhead.perChunkBytes(),
                cost().chunkBytes());
    }

    @Then("the per-VM and kernel costs leave the chunk overhead out")
    public void perPageCostsLeaveChunksOut() {
        long pages = world.costRam() / PAGE;
        long pointer = world.costHost() == HostBitness.BITS32 ? 4 : 8;
        context.expectEqual(
                "the per-VM and kernel tracking bytes of " + pages + " pages on a " + world.costHost() + " host",
                pages * 16 + pages * (4 + pointer),
                cost().totalBytes());
    }

    @When("I ask what one allocation chunk costs on a {pgmHostBitness} host")
    public void askChunk(HostBitness bitness) {
        world.costAsked(0, bitness);
        overhead(bitness);
    }

    @Then("the chunk holds a power of two pages, at least two")
    public void chunkPages() {
        ChunkOverhead overhead = overhead(world.costHost());
        long pages = overhead.pagesPerChunk();
        context.expectThat(
                "a chunk on a " + world.costHost() + " host holds 2^CHUNK_SHIFT pages, at least 2: " + overhead,
                pages >= 2 && (pages & pages - 1) == 0);
    }

    @Then("its memory object and its chunk structure each cost more than nothing")
    public void chunkParts() {
        ChunkOverhead overhead = overhead(world.costHost());
        context.expectThat(
                "a chunk's memory object costs something on a " + world.costHost() + " host: " + overhead,
                overhead.memoryObjectBytes() > 0);
        context.expectThat(
                "a chunk's tracking structure costs something on a " + world.costHost() + " host: " + overhead,
                overhead.chunkBytes() > 0);
    }
}
