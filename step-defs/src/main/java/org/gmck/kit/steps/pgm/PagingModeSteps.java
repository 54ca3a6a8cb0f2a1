package org.gmck.kit.steps.pgm;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import org.gmck.kit.Numbers;
import org.gmck.kit.ScenarioContext;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.PagingModes;
import org.gmck.spi.x86.ControlRegisters;

/** Steps for PGM's paging-mode rules. They reach the implementation only through the SPI. */
public final class PagingModeSteps {

    private final ScenarioContext context;
    private final PagingModeWorld world;

    public PagingModeSteps(ScenarioContext context, PagingModeWorld world) {
        this.context = context;
        this.world = world;
    }

    private PagingModes modes() {
        return context.adapter().pagingModes();
    }

    @When("I ask for the shadow mode of a(n) {guestMode} guest on a(n) {pagingMode} host")
    public void askShadowMode(GuestMode guest, PagingMode host) {
        context.attempt(() -> modes().shadowMode(host, guest));
    }

    @When("I ask whether a(n) {guestMode} guest on a(n) {pagingMode} host needs the switcher's special effort")
    public void askSpecialEffort(GuestMode guest, PagingMode host) {
        context.attempt(() -> modes().switcherNeedsSpecialEffort(host, guest));
    }

    @Then("the answer is {word}")
    public void theAnswerIs(String yesOrNo) {
        context.expectEqual("the adapter's yes/no answer", "yes".equals(yesOrNo), context.lastValue("the answer"));
    }

    @When("I ask for the guest mode with no control bits set")
    public void askGuestModeNoBits() {
        context.attempt(() -> modes().guestMode(ControlRegisters.of(0, 0, 0)));
    }

    @When("I ask for the guest mode with {bits} set")
    public void askGuestMode(ControlRegisters registers) {
        context.attempt(() -> modes().guestMode(registers));
    }

    @io.cucumber.java.ParameterType("(?:(?:CR0|CR4|EFER)\\.[A-Z]+(?:, | and )?)+")
    public ControlRegisters bits(String list) {
        return ControlBits.parse(list);
    }

    @Given("a shadow context on a(n) {pagingMode} host")
    public void aShadowContext(PagingMode host) {
        context.attempt(() -> modes().newShadowContext(host));
        world.shadow = context.lastValue("a shadow context on a " + host + " host");
    }

    @When("I create a shadow context on a(n) {pagingMode} host")
    public void createShadowContext(PagingMode host) {
        context.attempt(() -> modes().newShadowContext(host));
    }

    @When("the guest sets {bits}")
    public void theGuestSets(ControlRegisters registers) {
        context.attemptRun(() -> world.shadow.changeMode(registers));
    }

    @When("the guest clears every control bit")
    public void theGuestClearsEverything() {
        context.attemptRun(() -> world.shadow.changeMode(ControlRegisters.of(0, 0, 0)));
    }

    @Then("the guest mode is {guestMode}")
    public void theGuestModeIs(GuestMode expected) {
        GuestMode actual = world.shadow != null ? world.shadow.guestMode() : context.lastValue("the guest mode");
        context.expectEqual("the guest mode", expected, actual);
    }

    @Then("the guest-mode query answers {guestMode}")
    public void theQueryAnswers(GuestMode expected) {
        context.expectEqual(
                "the guest mode the query derives from the same registers",
                expected,
                context.lastValue("the guest mode"));
    }

    @Then("the shadow mode is {pagingMode}")
    public void theShadowModeIs(PagingMode expected) {
        PagingMode actual = world.shadow != null ? world.shadow.shadowMode() : context.lastValue("the shadow mode");
        context.expectEqual("the shadow mode", expected, actual);
    }

    @Then("the host mode is still {pagingMode}")
    public void theHostModeIsStill(PagingMode expected) {
        context.expectEqual("the shadow context's host mode", expected, world.shadow.hostMode());
    }

    @Then("the shadow context has at least one present PDPE")
    public void hasPresentPdpe() {
        context.expectThat(
                "the shadow PDPT keeps the guest-context mappings present, but no PDPE is present",
                !world.shadow.presentShadowPdpes().isEmpty());
    }

    @Then("the shadow context has no present PDPE")
    public void hasNoPresentPdpe() {
        context.expectEqual("the present shadow PDPEs", java.util.List.of(), world.shadow.presentShadowPdpes());
    }

    @Then("every present shadow PDPE has bits {bitList} clear")
    public void everyPdpeHasBitsClear(long mask) {
        for (long pdpe : world.shadow.presentShadowPdpes()) {
            context.expectEqual("bits " + Numbers.hex(mask) + " of shadow PDPE " + Numbers.hex(pdpe), 0L, pdpe & mask);
        }
    }

    @Then("every present shadow PDPE has bits {bitList} set")
    public void everyPdpeHasBitsSet(long mask) {
        for (long pdpe : world.shadow.presentShadowPdpes()) {
            context.expectEqual(
                    "bits " + Numbers.hex(mask) + " of shadow PDPE " + Numbers.hex(pdpe), mask, pdpe & mask);
        }
    }

    @io.cucumber.java.ParameterType("\\d+(?:(?:, | and )\\d+)*")
    public long bitList(String list) {
        long mask = 0;
        for (String bit : List.of(list.split(",| and "))) {
            if (!bit.isBlank()) {
                mask |= 1L << Integer.parseInt(bit.strip());
            }
        }
        return mask;
    }

    @Then("the intermediate context runs with CR0.WP clear")
    public void intermediateWpClear() {
        context.expectEqual(
                "CR0.WP of the intermediate context", false, world.shadow.intermediateContextWriteProtect());
    }

    @When("I check a present guest PDPE with bit {int} set in {guestMode} mode")
    public void checkPresentPdpe(int bit, GuestMode mode) {
        checkPdpe(0x1000L | 1L | (1L << bit), mode);
    }

    @When("I check the present guest PDPE {word} in {guestMode} mode")
    public void checkGivenPresentPdpe(String value, GuestMode mode) {
        checkPdpe(Numbers.parse(value), mode);
    }

    @When("I check the not-present guest PDPE {word} in {guestMode} mode")
    public void checkPdpe(String value, GuestMode mode) {
        checkPdpe(Numbers.parse(value), mode);
    }

    private void checkPdpe(long pdpe, GuestMode mode) {
        world.checkedPdpe = pdpe;
        context.attempt(() -> modes().checkGuestPdpe(mode, pdpe));
    }

    @Then("the PDPE is accepted unchanged")
    public void pdpeAccepted() {
        context.expectEqual(
                "the PDPE returned by the check", world.checkedPdpe, context.<Long>lastValue("the PDPE check"));
    }

    @When("I ask for the CR3 of a(n) {pagingMode} table at {word}")
    public void askCr3(PagingMode mode, String table) {
        context.attempt(() -> modes().cr3For(mode, Numbers.parse(table)));
    }

    @Then("the CR3 is {word}")
    public void theCr3Is(String expected) {
        context.expectEqual(
                "the CR3 value", Numbers.hex(Numbers.parse(expected)), Numbers.hex(context.<Long>lastValue("the CR3")));
    }

    @When("I ask for the guest table address of CR3 {word} in {guestMode} mode")
    public void askGuestTable(String cr3, GuestMode mode) {
        context.attempt(() -> modes().guestTableAddress(mode, Numbers.parse(cr3)));
    }

    @Then("the table address is {word}")
    public void theTableAddressIs(String expected) {
        context.expectEqual(
                "the guest table address",
                Numbers.hex(Numbers.parse(expected)),
                Numbers.hex(context.<Long>lastValue("the table address")));
    }
}
