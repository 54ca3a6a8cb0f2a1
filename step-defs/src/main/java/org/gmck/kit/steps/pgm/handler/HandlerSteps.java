package org.gmck.kit.steps.pgm.handler;

import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.gmck.kit.Numbers;
import org.gmck.kit.ScenarioContext;
import org.gmck.kit.steps.pgm.ShadowWorld;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.handler.HandledVm;
import org.gmck.spi.pgm.handler.HandlerCall;
import org.gmck.spi.pgm.handler.HandlerEvent;
import org.gmck.spi.pgm.handler.PhysHandlerKind;
import org.gmck.spi.pgm.handler.VirtHandlerKind;
import org.gmck.spi.pgm.phys.HandlerState;
import org.gmck.spi.pgm.shadow.GuestAccessResult;
import org.gmck.spi.pgm.shadow.MonitorAction;

/** Steps for PGM's access handlers. They reach the implementation only through the SPI. */
public final class HandlerSteps {

    private final ScenarioContext context;
    private final ShadowWorld world;

    public HandlerSteps(ScenarioContext context, ShadowWorld world) {
        this.context = context;
        this.world = world;
    }

    @ParameterType("WRITE|ALL")
    public PhysHandlerKind hndPhysKind(String text) {
        return PhysHandlerKind.valueOf(text);
    }

    @ParameterType("WRITE|ALL|HYPERVISOR")
    public VirtHandlerKind hndVirtKind(String text) {
        return VirtHandlerKind.valueOf(text);
    }

    @ParameterType("NONE|WRITE|ALL")
    public HandlerState hndState(String text) {
        return HandlerState.valueOf(text);
    }

    /** Calls as scenarios write them: {@code write at 0x40001008, invalidate at 0x40001000}. */
    @ParameterType("(?:(?:read|write|fetch|invalidate) at 0x[0-9A-Fa-f_]+(?:, )?)+")
    public List<HandlerCall> hndCalls(String text) {
        List<HandlerCall> calls = new ArrayList<>();
        for (String part : text.split(", ")) {
            String[] words = part.split(" at ");
            calls.add(
                    new HandlerCall(HandlerEvent.valueOf(words[0].toUpperCase(Locale.ROOT)), Numbers.parse(words[1])));
        }
        return calls;
    }

    @Given("a shadow-paged VM with access handlers on a(n) {pagingMode} host whose host can give it {int} pages")
    public void aHandledVm(PagingMode host, int pages) {
        context.attempt(() -> context.adapter().accessHandlers().newVm(host, pages));
        world.use(context.<HandledVm>lastValue("a shadow-paged VM with access handlers on a " + host + " host"));
    }

    @Given("a physical {hndPhysKind} handler {string} is registered over {pgmAddress}-{pgmAddress}")
    public void physicalRegistered(PhysHandlerKind kind, String name, long first, long last) {
        registerPhysical(kind, name, first, last);
        context.expectAccepted("registering physical handler " + name);
    }

    @When("I register a physical {hndPhysKind} handler {string} over {pgmAddress}-{pgmAddress}")
    public void registerPhysical(PhysHandlerKind kind, String name, long first, long last) {
        snapshot();
        context.attempt(() -> vm().registerPhysical(kind, first, last)).ifPresent(id -> world.name(name, id));
    }

    @Given("a virtual {hndVirtKind} handler {string} is registered over {pgmAddress}-{pgmAddress}")
    public void virtualRegistered(VirtHandlerKind kind, String name, long first, long last) {
        registerVirtual(kind, name, first, last);
        context.expectAccepted("registering virtual handler " + name);
    }

    @When("I register a virtual {hndVirtKind} handler {string} over {pgmAddress}-{pgmAddress}")
    public void registerVirtual(VirtHandlerKind kind, String name, long first, long last) {
        snapshot();
        context.attempt(() -> vm().registerVirtual(kind, first, last)).ifPresent(id -> world.name(name, id));
    }

    @Given("handler {string} has been deregistered")
    public void deregistered(String name) {
        deregister(name);
        context.expectAccepted("deregistering handler " + name);
    }

    @When("I deregister handler {string}")
    public void deregister(String name) {
        snapshot();
        int id = id(name);
        context.attemptRun(() -> vm().deregister(id));
    }

    @When("I deregister a handler with id {int}, which was never handed out")
    public void deregisterUnknown(int id) {
        snapshot();
        context.attemptRun(() -> vm().deregister(id));
    }

    @When("I ask for the calls of a handler with id {int}, which was never handed out")
    public void callsOfUnknown(int id) {
        snapshot();
        context.attempt(() -> vm().calls(id));
    }

    @When("I ask what handler {string} caches for {pgmAddress}")
    public void askCache(String name, long linear) {
        snapshot();
        int id = id(name);
        context.attempt(() -> vm().cachedPhysical(id, linear));
    }

    @Given("the VM has synced CR3")
    public void syncedCr3() {
        context.attemptRun(() -> vm().syncCr3());
        context.expectAccepted("SyncCR3");
    }

    @Then("the handler call is accepted")
    public void accepted() {
        context.expectAccepted("the handler call");
    }

    @Then("handler {string} received no calls")
    public void noCalls(String name) {
        context.expectEqual("the calls handler " + name + " received", List.of(), vm().calls(id(name)));
    }

    @Then("handler {string} received {hndCalls}")
    public void received(String name, List<HandlerCall> expected) {
        context.expectEqual("the calls handler " + name + " received", expected, vm().calls(id(name)));
    }

    @Then("the monitor invoked the access handlers")
    public void monitorInvoked() {
        GuestAccessResult result = context.lastValue("the guest access");
        context.expectEqual(
                "what the monitor's fault handler did", List.of(MonitorAction.HANDLER_INVOKED), result.actions());
    }

    @Then("page {pgmAddress} has physical handler state {hndState}")
    public void physState(long gcPhys, HandlerState expected) {
        context.expectEqual(
                "the physical handler state of " + Numbers.hex(gcPhys),
                expected,
                vm().memory().page(gcPhys).physHandler());
    }

    @Then("page {pgmAddress} has virtual handler state {hndState}")
    public void virtState(long gcPhys, HandlerState expected) {
        context.expectEqual(
                "the virtual handler state of " + Numbers.hex(gcPhys),
                expected,
                vm().memory().page(gcPhys).virtHandler());
    }

    @Then("a full resync is pending")
    public void resyncPending() {
        context.expectThat("a full resync must be pending", vm().fullResyncPending());
    }

    @Then("no full resync is pending")
    public void noResyncPending() {
        context.expectThat("no full resync may be pending", !vm().fullResyncPending());
    }

    @Then("handler {string} caches {pgmAddress} as {pgmAddress}")
    public void caches(String name, long linear, long gcPhys) {
        context.expectEqual(
                "what handler " + name + " caches for " + Numbers.hex(linear),
                OptionalLong.of(gcPhys),
                vm().cachedPhysical(id(name), linear));
    }

    @Then("handler {string} caches nothing for {pgmAddress}")
    public void cachesNothing(String name, long linear) {
        context.expectEqual(
                "what handler " + name + " caches for " + Numbers.hex(linear),
                OptionalLong.empty(),
                vm().cachedPhysical(id(name), linear));
    }

    @Then("the handlers and page handler states are unchanged")
    public void unchanged() {
        context.expectUnchanged(
                "the handlers and page handler states", world.handlersBefore(), world.observeHandlers());
    }

    private HandledVm vm() {
        return world.handled();
    }

    private int id(String name) {
        return world.id(name);
    }

    private void snapshot() {
        world.snapshotHandlers();
    }
}
