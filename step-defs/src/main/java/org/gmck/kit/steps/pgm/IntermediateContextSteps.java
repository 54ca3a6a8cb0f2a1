package org.gmck.kit.steps.pgm;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Optional;
import org.gmck.kit.Numbers;
import org.gmck.kit.ScenarioContext;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.context.SwitcherPlacement;

/** Steps for PGM's intermediate memory context. They reach the implementation only through the SPI. */
public final class IntermediateContextSteps {

    private final ScenarioContext context;
    private final IntermediateContextWorld world;

    public IntermediateContextSteps(ScenarioContext context, IntermediateContextWorld world) {
        this.context = context;
        this.world = world;
    }

    @Given(
            "an intermediate context with {int} switcher page(s) at physical {pgmAddress}, host address {pgmAddress} and hypervisor address {pgmAddress}")
    public void anIntermediateContext(int pages, long phys, long host, long hyper) {
        createIntermediateContext(pages, phys, host, hyper);
        world.intermediate = context.lastValue("an intermediate context");
        world.switcher = new SwitcherPlacement(phys, host, hyper, pages);
    }

    @When(
            "I create an intermediate context with {int} switcher page(s) at physical {pgmAddress}, host address {pgmAddress} and hypervisor address {pgmAddress}")
    public void createIntermediateContext(int pages, long phys, long host, long hyper) {
        context.attempt(() -> context.adapter()
                .guestMemory()
                .newIntermediateContext(new SwitcherPlacement(phys, host, hyper, pages)));
    }

    @Then(
            "a world switch from {pagingMode} to {pagingMode} tables turns paging off at an address of the switcher code that the tables of both modes map to itself")
    public void switchTurnsPagingOff(PagingMode from, PagingMode to) {
        Optional<Long> address = world.intermediate.pagingOffAddress(from, to);
        String what = "where a world switch from " + from + " to " + to + " tables turns paging off";
        context.expectThat(
                what + ": it must turn paging off, but the context says paging stays on", address.isPresent());
        long linear = address.get();
        long start = world.switcher.physAddress();
        long size = (long) world.switcher.pages() << 12;
        context.expectThat(
                what + ": " + Numbers.hex(linear) + " must lie in the switcher code, physical " + Numbers.hex(start)
                        + " to " + Numbers.hex(start + size - 1),
                linear >= start && linear - start < size);
        for (PagingMode mode : new PagingMode[] {from, to}) {
            context.expectEqual(
                    what + ": the " + mode + " translation of " + Numbers.hex(linear),
                    Optional.of(Numbers.hex(linear)),
                    world.intermediate.translate(mode, linear).map(Numbers::hex));
        }
    }

    @Then("a world switch from {pagingMode} to {pagingMode} tables keeps paging on")
    public void switchKeepsPagingOn(PagingMode from, PagingMode to) {
        context.expectEqual(
                "where a world switch from " + from + " to " + to + " tables turns paging off",
                Optional.empty(),
                world.intermediate.pagingOffAddress(from, to).map(Numbers::hex));
    }

    @When("I ask how a world switch from {pagingMode} to {pagingMode} tables goes")
    public void askSwitch(PagingMode from, PagingMode to) {
        context.attempt(() -> world.intermediate.pagingOffAddress(from, to));
    }

    @Given("the guest-context mapping {string} of {pgmSize} at {pgmAddress} for physical {pgmAddress}")
    public void aMapping(String name, long size, long address, long phys) {
        assign(name, size, address, phys);
        context.expectAccepted("assigning the guest-context mapping '" + name + "'");
    }

    @When("I assign the guest-context mapping {string} of {pgmSize} at {pgmAddress} for physical {pgmAddress}")
    public void assign(String name, long size, long address, long phys) {
        snapshot();
        context.attemptRun(() -> world.intermediate.mapGuestContext(name, address, size, phys));
    }

    @When("I relocate the guest-context mapping {string} to {pgmAddress}")
    public void relocate(String name, long address) {
        snapshot();
        context.attemptRun(() -> world.intermediate.relocateGuestContext(name, address));
    }

    @Then("in the {pagingMode} tables {pgmAddress} translates to {pgmAddress}")
    public void translates(PagingMode mode, long linear, long phys) {
        context.expectEqual(
                "the " + mode + " translation of " + Numbers.hex(linear) + " in the intermediate context",
                Optional.of(Numbers.hex(phys)),
                world.intermediate.translate(mode, linear).map(Numbers::hex));
    }

    @Then("in the {pagingMode} tables {pgmAddress} is not mapped")
    public void notMapped(PagingMode mode, long linear) {
        context.expectEqual(
                "the " + mode + " translation of " + Numbers.hex(linear) + " in the intermediate context",
                Optional.empty(),
                world.intermediate.translate(mode, linear).map(Numbers::hex));
    }

    @Then("the intermediate context keeps tables for 32-bit, PAE and AMD64")
    public void allModes() {
        context.expectEqual(
                "the modes the intermediate context keeps tables for",
                java.util.List.of(PagingMode.BITS32, PagingMode.PAE, PagingMode.AMD64),
                world.intermediate.modes());
    }

    @Then("every page of the intermediate context's tables lies below 4 GB")
    public void tablesBelow4Gb() {
        context.expectThat(
                "the intermediate context must have table pages",
                !world.intermediate.tablePages().isEmpty());
        for (long page : world.intermediate.tablePages()) {
            context.expectThat(
                    "table page " + Numbers.hex(page) + " lies at or above 4 GB", page >= 0 && page < (1L << 32));
        }
    }

    @Then("the guest-context mapping {string} is at {pgmAddress}")
    public void mappingAt(String name, long address) {
        context.expectEqual(
                "the address of '" + name + "'",
                Optional.of(Numbers.hex(address)),
                world.intermediate.guestContextAddress(name).map(Numbers::hex));
    }

    @Then("the intermediate context is unchanged")
    public void unchanged() {
        context.expectUnchanged("the intermediate context", world.before(), world.observe());
    }

    private void snapshot() {
        world.snapshot();
    }
}
