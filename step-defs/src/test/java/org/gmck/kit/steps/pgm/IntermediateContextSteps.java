package org.gmck.kit.steps.pgm;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Optional;
import org.gmck.kit.Numbers;
import org.gmck.kit.ScenarioContext;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.context.IntermediateContext;
import org.gmck.spi.pgm.context.SwitcherPlacement;

/** Steps for PGM's intermediate memory context. They reach the implementation only through the SPI. */
public final class IntermediateContextSteps {

    private final ScenarioContext context;
    private IntermediateContext intermediate;
    private String before;

    public IntermediateContextSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("an intermediate context with {int} switcher page(s) at physical {pgmAddress}, host address {pgmAddress} and hypervisor address {pgmAddress}")
    public void anIntermediateContext(int pages, long phys, long host, long hyper) {
        createIntermediateContext(pages, phys, host, hyper);
        intermediate = context.lastValue("an intermediate context");
    }

    @When("I create an intermediate context with {int} switcher page(s) at physical {pgmAddress}, host address {pgmAddress} and hypervisor address {pgmAddress}")
    public void createIntermediateContext(int pages, long phys, long host, long hyper) {
        context.attempt(() -> context.adapter().guestMemory().newIntermediateContext(
                new SwitcherPlacement(phys, host, hyper, pages)));
    }

    @Given("the guest-context mapping {string} of {pgmSize} at {pgmAddress} for physical {pgmAddress}")
    public void aMapping(String name, long size, long address, long phys) {
        assign(name, size, address, phys);
        context.expectAccepted("assigning the guest-context mapping '" + name + "'");
    }

    @When("I assign the guest-context mapping {string} of {pgmSize} at {pgmAddress} for physical {pgmAddress}")
    public void assign(String name, long size, long address, long phys) {
        snapshot();
        context.attemptRun(() -> intermediate.mapGuestContext(name, address, size, phys));
    }

    @When("I relocate the guest-context mapping {string} to {pgmAddress}")
    public void relocate(String name, long address) {
        snapshot();
        context.attemptRun(() -> intermediate.relocateGuestContext(name, address));
    }

    @Then("in the {pagingMode} tables {pgmAddress} translates to {pgmAddress}")
    public void translates(PagingMode mode, long linear, long phys) {
        context.expectEqual("the " + mode + " translation of " + Numbers.hex(linear) + " in the intermediate context",
                Optional.of(Numbers.hex(phys)), intermediate.translate(mode, linear).map(Numbers::hex));
    }

    @Then("in the {pagingMode} tables {pgmAddress} is not mapped")
    public void notMapped(PagingMode mode, long linear) {
        context.expectEqual("the " + mode + " translation of " + Numbers.hex(linear) + " in the intermediate context",
                Optional.empty(), intermediate.translate(mode, linear).map(Numbers::hex));
    }

    @Then("the intermediate context keeps tables for 32-bit, PAE and AMD64")
    public void allModes() {
        context.expectEqual("the modes the intermediate context keeps tables for",
                java.util.List.of(PagingMode.BIT32, PagingMode.PAE, PagingMode.AMD64), intermediate.modes());
    }

    @Then("every page of the intermediate context's tables lies below 4 GB")
    public void tablesBelow4Gb() {
        context.expectThat("the intermediate context must have table pages", !intermediate.tablePages().isEmpty());
        for (long page : intermediate.tablePages()) {
            context.expectThat("table page " + Numbers.hex(page) + " lies at or above 4 GB",
                    page >= 0 && page < (1L << 32));
        }
    }

    @Then("the guest-context mapping {string} is at {pgmAddress}")
    public void mappingAt(String name, long address) {
        context.expectEqual("the address of '" + name + "'", Optional.of(Numbers.hex(address)),
                intermediate.guestContextAddress(name).map(Numbers::hex));
    }

    @Then("the intermediate context is unchanged")
    public void unchanged() {
        context.expectEqual("the intermediate context after the refused call", before, describe());
    }

    private void snapshot() {
        before = intermediate == null ? null : describe();
    }

    private String describe() {
        StringBuilder text = new StringBuilder();
        for (String name : new String[] {"GC", "hyper", "other"}) {
            text.append(name).append('=').append(intermediate.guestContextAddress(name)).append(' ');
        }
        for (PagingMode mode : intermediate.modes()) {
            for (long linear = 0xA000_0000L; linear < 0xA100_0000L; linear += 0x0010_0000L) {
                text.append(intermediate.translate(mode, linear)).append(' ');
            }
        }
        return text.toString();
    }
}
