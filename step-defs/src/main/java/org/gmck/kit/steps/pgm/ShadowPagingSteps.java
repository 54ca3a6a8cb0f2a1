package org.gmck.kit.steps.pgm;

import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gmck.kit.Numbers;
import org.gmck.kit.ScenarioContext;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.shadow.GuestAccessResult;
import org.gmck.spi.pgm.shadow.MonitorAction;
import org.gmck.spi.pgm.shadow.ReflectedFault;
import org.gmck.spi.pgm.shadow.ShadowTranslation;
import org.gmck.spi.pgm.shadow.ShadowVm;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.GeneralProtection;
import org.gmck.spi.x86.GpReason;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.Privilege;

/** Steps for PGM's shadow paging. They reach the implementation only through the SPI. */
public final class ShadowPagingSteps {

    private static final long PRESENT = EntryFlag.PRESENT.mask();
    private static final long RW = EntryFlag.WRITABLE.mask();
    private static final long US = EntryFlag.USER.mask();
    private static final long ACCESSED = EntryFlag.ACCESSED.mask();

    private final ScenarioContext context;
    private final ShadowWorld world;

    public ShadowPagingSteps(ScenarioContext context, ShadowWorld world) {
        this.context = context;
        this.world = world;
    }

    @ParameterType("read|write|fetch")
    public AccessKind shwAccessKind(String text) {
        return AccessKind.valueOf(text.toUpperCase(java.util.Locale.ROOT));
    }

    @ParameterType("user|supervisor")
    public Privilege shwPrivilege(String text) {
        return text.equals("user") ? Privilege.USER : Privilege.SUPERVISOR;
    }

    /**
     * Leaf rights as scenarios write them: {@code writable user}, {@code read-only supervisor no-execute}, ...;
     * {@code dirty} at the end sets D, as a guest that marks its pages dirty up front does.
     */
    @ParameterType("(?:writable|read-only) (?:user|supervisor)(?: no-execute)?(?: dirty)?")
    public long shwRights(String text) {
        long flags = text.startsWith("writable") ? RW : 0;
        flags |= text.contains("user") ? US : 0;
        flags |= text.contains("no-execute") ? GuestTableWriter.XD : 0;
        flags |= text.endsWith("dirty") ? GuestTableWriter.D : 0;
        return flags;
    }

    /** The size of a guest large page: 4 MB (32-bit with PSE), 2 MB (PAE, AMD64) or 1 GB (AMD64). */
    @ParameterType("4 MB|2 MB|1 GB")
    public long shwLargePage(String text) {
        return switch (text) {
            case "4 MB" -> 4L << 20;
            case "2 MB" -> 2L << 20;
            default -> 1L << 30;
        };
    }

    @Given("a shadow-paged VM on a(n) {pagingMode} host whose host can give it {int} pages")
    public void aShadowVm(PagingMode host, int pages) {
        context.attempt(() -> context.adapter().guestMemory().newShadowVm(host, pages));
        world.use(context.<ShadowVm>lastValue("a shadow-paged VM on a " + host + " host"));
    }

    @When("I create a shadow-paged VM on a(n) {pagingMode} host whose host can give it {int} pages")
    public void createShadowVm(PagingMode host, int pages) {
        context.attempt(() -> context.adapter().guestMemory().newShadowVm(host, pages));
    }

    @Given("the guest keeps {guestMode} page tables at {pgmAddress}")
    public void guestTables(GuestMode guestMode, long root) {
        world.guestTables(guestMode, root);
    }

    @Given("the guest maps {pgmAddress} to {pgmAddress} {shwRights}")
    public void guestMaps(long linear, long gcPhys, long rights) {
        world.tables().map(linear, gcPhys, rights);
    }

    @Given("the guest maps {pgmAddress} to {pgmAddress} {shwRights} as a {shwLargePage} page")
    public void guestMapsLarge(long linear, long gcPhys, long rights, long bytes) {
        world.tables().mapLarge(linear, gcPhys, bytes, rights);
    }

    @When("the guest clears the present bit of its page-table entry for {pgmAddress}")
    public void guestUnmaps(long linear) {
        world.tables().change(world.tables().levels() - 1, linear, PRESENT, 0);
    }

    @When("the guest clears the present bit of its level-{int} entry for {pgmAddress}")
    public void guestUnmapsAt(int level, long linear) {
        world.tables().change(level - 1, linear, PRESENT, 0);
    }

    @Given("the guest's level-{int} entry for {pgmAddress} has bit {int} set")
    public void guestEntryBit(int level, long linear, int bit) {
        world.tables().change(level - 1, linear, 0, 1L << bit);
    }

    @Given("the guest has entered protected mode without paging")
    public void protectedModeWithoutPaging() {
        world.snapshot();
        context.attempt(() -> world.vm().loadControlRegisters(new ControlRegisters(ControlRegisters.CR0_PE, 0, 0, 0)));
        Object outcome = context.lastValue("loading CR0 with protection on and paging off");
        context.expectThat(
                "loading CR0 with protection on and paging off must load it, not " + outcome,
                outcome instanceof Loaded);
    }

    @Given("the guest's level-{int} entry for {pgmAddress} is made {shwRights}")
    public void guestUpperEntry(int level, long linear, long rights) {
        world.tables().change(level - 1, linear, RW | US, rights & (RW | US));
    }

    @Given("the guest's level-{int} entry for {pgmAddress} points back at its own table")
    public void selfMap(int level, long linear) {
        long address = world.tables().entryAddressOf(level - 1, linear);
        long table = address & ~0xFFFL;
        world.vm().memory().write(address, world.tables().entryBytes(), table | PRESENT | RW | US);
    }

    @Given("the guest's level-{int} entry for {pgmAddress} points at {pgmAddress}")
    public void pointAt(int level, long linear, long target) {
        long address = world.tables().entryAddressOf(level - 1, linear);
        world.vm().memory().write(address, world.tables().entryBytes(), target | PRESENT | RW | US);
    }

    @Given("the guest runs with CR4.SMAP set")
    public void smapSet() {
        world.smap = true;
    }

    @Given("the guest runs with CR4.SMEP set")
    public void smepSet() {
        world.smep = true;
    }

    @Given("the guest runs with CR0.WP clear")
    public void wpClear() {
        world.writeProtectOff = true;
    }

    @Given("the guest has loaded CR3")
    public void guestLoadedCr3() {
        loadCr3();
        Object outcome = context.lastValue("loading the guest's control registers");
        context.expectThat(
                "loading the guest's control registers must load them, not " + outcome, outcome instanceof Loaded);
    }

    @When("the guest loads CR3")
    public void loadCr3() {
        loadCr3(world.tables().root());
    }

    @When("the guest loads CR3 with {pgmAddress}")
    public void loadCr3(long cr3) {
        snapshot();
        context.attempt(() -> world.vm().loadControlRegisters(world.registers(cr3)));
    }

    @Given("the guest has {shwAccessKind} {pgmAddress} as {shwPrivilege}")
    public void guestHasAccessed(AccessKind kind, long linear, Privilege privilege) {
        guestAccesses(kind, linear, privilege);
        context.expectAccepted("the guest's " + kind + " at " + Numbers.hex(linear));
    }

    @When("the guest {shwAccessKind}s {pgmAddress} as {shwPrivilege}")
    public void guestAccesses(AccessKind kind, long linear, Privilege privilege) {
        guestAccess(kind, linear, privilege, 8, 0x5A5A_0000_0000_0001L);
    }

    @When("the guest fetches from {pgmAddress} as {shwPrivilege}")
    public void guestFetches(long linear, Privilege privilege) {
        guestAccess(AccessKind.FETCH, linear, privilege, 1, 0);
    }

    @Given("the guest has fetched from {pgmAddress} as {shwPrivilege}")
    public void guestHasFetched(long linear, Privilege privilege) {
        guestFetches(linear, privilege);
        context.expectAccepted("the guest's fetch at " + Numbers.hex(linear));
    }

    @When("the guest writes {pgmAddress} to the {int} bytes at linear {pgmAddress} as {shwPrivilege}")
    public void guestWritesValue(long value, int width, long linear, Privilege privilege) {
        guestAccess(AccessKind.WRITE, linear, privilege, width, value);
    }

    @Given("the guest has written {pgmAddress} to the {int} bytes at linear {pgmAddress} as {shwPrivilege}")
    public void guestHasWrittenValue(long value, int width, long linear, Privilege privilege) {
        guestWritesValue(value, width, linear, privilege);
        context.expectAccepted("the guest's write at " + Numbers.hex(linear));
    }

    @When("the guest reads {int} bytes at linear {pgmAddress} as {shwPrivilege}")
    public void guestReadsWidth(int width, long linear, Privilege privilege) {
        guestAccess(AccessKind.READ, linear, privilege, width, 0);
    }

    private void guestAccess(AccessKind kind, long linear, Privilege privilege, int width, long value) {
        snapshot();
        context.attempt(() -> world.vm().access(linear, kind, privilege, width, value));
    }

    @When("the guest invalidates {pgmAddress} with INVLPG")
    public void invlpg(long linear) {
        context.attemptRun(() -> world.vm().invalidatePage(linear));
    }

    @When("the VM syncs CR3")
    public void syncCr3() {
        context.attemptRun(() -> world.vm().syncCr3());
    }

    @Then("the monitor did nothing: the access ran on the shadow tables")
    public void monitorDidNothing() {
        context.expectEqual("what the monitor's fault handler did", List.of(), result().actions());
    }

    @Then("the monitor {shwActions}")
    public void monitorActions(List<MonitorAction> expected) {
        context.expectEqual("what the monitor's fault handler did", expected, result().actions());
    }

    @ParameterType("(?:(?:synced the shadow|allocated a page|copied the shared page|recorded the write"
            + "|emulated the page-table write|dropped the ROM write|emulated the access|reflected the fault)"
            + "(?:, | and | then )?)+")
    public List<MonitorAction> shwActions(String text) {
        List<MonitorAction> actions = new ArrayList<>();
        for (String part : text.split(", | and | then ")) {
            actions.add(
                    switch (part.strip()) {
                        case "synced the shadow" -> MonitorAction.SYNCED;
                        case "allocated a page" -> MonitorAction.ALLOCATED_ON_WRITE;
                        case "copied the shared page" -> MonitorAction.COPIED_ON_WRITE;
                        case "recorded the write" -> MonitorAction.WRITE_MONITOR_RECORDED;
                        case "emulated the page-table write" -> MonitorAction.PAGE_TABLE_WRITE_EMULATED;
                        case "dropped the ROM write" -> MonitorAction.ROM_WRITE_DROPPED;
                        case "emulated the access" -> MonitorAction.EMULATED;
                        default -> MonitorAction.REFLECTED_TO_GUEST;
                    });
        }
        return actions;
    }

    @Then("the guest gets a page fault with error code {pgmAddress} and CR2 {pgmAddress}")
    public void guestGetsPageFault(long errorCode, long cr2) {
        Optional<ReflectedFault> fault = result().reflected();
        context.expectEqual(
                "the fault handed to the guest",
                Optional.of(new ReflectedFault(ReflectedFault.PAGE_FAULT, (int) errorCode, cr2)),
                fault);
    }

    @Then("the guest gets a general-protection fault with error code {pgmAddress}")
    public void guestGetsGeneralProtection(long errorCode) {
        context.expectEqual(
                "the fault handed to the guest",
                Optional.of(new ReflectedFault(ReflectedFault.GENERAL_PROTECTION, (int) errorCode, 0)),
                result().reflected());
    }

    @Then("the guest's register load raises #GP because of {word}")
    public void guestLoadGp(String reason) {
        context.expectEqual(
                "the outcome of the guest's register load",
                new GeneralProtection(GpReason.valueOf(reason)),
                context.lastValue("the guest's register load"));
    }

    @Then("the guest gets no fault")
    public void noFault() {
        context.expectEqual("the fault handed to the guest", Optional.empty(), result().reflected());
    }

    @Then("the guest read {pgmAddress}")
    public void guestRead(long value) {
        context.expectEqual("the value the guest read", Numbers.hex(value), Numbers.hex(result().value()));
    }

    @Then("the shadow maps {pgmAddress} to the host page behind {pgmAddress}")
    public void shadowMapsToHostPage(long linear, long gcPhys) {
        long expected = world.vm().memory().page(gcPhys).hostPhys() | (linear & 0xFFF);
        context.expectEqual(
                "the host address the shadow maps " + Numbers.hex(linear) + " to",
                Numbers.hex(expected),
                translation(linear).map(t -> Numbers.hex(t.hostPhys())).orElse("nothing"));
    }

    @Then("the shadow maps {pgmAddress} {shwShadowRight}")
    public void shadowRight(long linear, String right) {
        ShadowTranslation t = world.requireTranslation(linear);
        boolean actual = switch (right) {
            case "writable", "read-only" -> t.writable();
            case "for user mode", "for supervisor mode only" -> t.user();
            default -> t.executable();
        };
        boolean expected = right.equals("writable") || right.equals("for user mode") || right.equals("executable");
        context.expectEqual("whether the shadow maps " + Numbers.hex(linear) + " " + right, expected, actual);
    }

    @ParameterType("writable|read-only|for user mode|for supervisor mode only|executable|no-execute")
    public String shwShadowRight(String text) {
        return text;
    }

    @Then("the shadow does not map {pgmAddress} writable")
    public void shadowDoesNotMapWritable(long linear) {
        context.expectEqual(
                "whether the shadow maps " + Numbers.hex(linear) + " writable",
                false,
                translation(linear).map(ShadowTranslation::writable).orElse(false));
    }

    @Then("the shadow maps {pgmAddress} to the host page behind {pgmAddress} or not at all")
    public void shadowMapsToHostPageOrNothing(long linear, long gcPhys) {
        long expected = world.vm().memory().page(gcPhys).hostPhys() | (linear & 0xFFF);
        translation(linear)
                .ifPresent(t -> context.expectEqual(
                        "the host address the shadow maps " + Numbers.hex(linear) + " to",
                        Numbers.hex(expected),
                        Numbers.hex(t.hostPhys())));
    }

    @Then("the shadow does not map {pgmAddress} for user mode")
    public void shadowDoesNotMapForUser(long linear) {
        context.expectEqual(
                "whether the shadow maps " + Numbers.hex(linear) + " for user mode",
                false,
                translation(linear).map(ShadowTranslation::user).orElse(false));
    }

    @Then("the shadow does not map {pgmAddress} executable")
    public void shadowDoesNotMapExecutable(long linear) {
        context.expectEqual(
                "whether the shadow maps " + Numbers.hex(linear) + " executable",
                false,
                translation(linear).map(ShadowTranslation::executable).orElse(false));
    }

    @Then("the guest's level-{int} entry for {pgmAddress} has the {shwFlag} flag set")
    public void guestEntryFlag(int level, long linear, long flag) {
        long address = world.tables().entryAddressOf(level - 1, linear);
        long entry = world.tables().read(address);
        context.expectThat(
                "the guest's level-" + level + " entry for " + Numbers.hex(linear) + " (" + Numbers.hex(entry)
                        + ") must have its " + (flag == ACCESSED ? "accessed" : "dirty") + " flag set",
                (entry & flag) != 0);
    }

    @ParameterType("accessed|dirty")
    public long shwFlag(String text) {
        return text.equals("accessed") ? ACCESSED : GuestTableWriter.D;
    }

    @Then("the monitor's fault handler ran")
    public void monitorRan() {
        context.expectThat(
                "the monitor's fault handler must have seen the access, but it ran on the shadow tables",
                !result().actions().isEmpty());
    }

    @Then("the shadow does not map {pgmAddress}")
    public void shadowDoesNotMap(long linear) {
        context.expectEqual("the shadow translation of " + Numbers.hex(linear), Optional.empty(), translation(linear));
    }

    @Then("the shadow walk for {pgmAddress} uses {int} entries")
    public void shadowEntries(long linear, int count) {
        context.expectEqual(
                "the number of shadow entries used for " + Numbers.hex(linear),
                count,
                translation(linear).map(t -> t.entries().size()).orElse(0));
    }

    @Then("the shadow's level-{int} entry for {pgmAddress} has R\\/W {shwBit} and U\\/S {shwBit}")
    public void shadowEntryFlags(int level, long linear, boolean rw, boolean us) {
        long entry = world.requireTranslation(linear).entries().get(level - 1);
        context.expectEqual(
                "R/W and U/S of the shadow's level-" + level + " entry " + Numbers.hex(entry),
                (rw ? "R/W " : "") + (us ? "U/S" : ""),
                ((entry & RW) != 0 ? "R/W " : "") + ((entry & US) != 0 ? "U/S" : ""));
    }

    @ParameterType("set|clear")
    public boolean shwBit(String text) {
        return text.equals("set");
    }

    @Then("the VM's shadow mode is {pagingMode}")
    public void vmShadowMode(PagingMode expected) {
        context.expectEqual("the VM's shadow mode", expected, world.vm().shadowMode());
    }

    @Then("the VM's host mode is {pagingMode}")
    public void vmHostMode(PagingMode expected) {
        context.expectEqual("the VM's host mode", expected, world.vm().hostMode());
    }

    @Then("the VM's guest mode is {guestMode}")
    public void vmGuestMode(GuestMode expected) {
        context.expectEqual("the VM's guest mode", expected, world.vm().guestMode());
    }

    @Then("the monitor knows {pgmAddress} as a guest paging structure")
    public void knowsTable(long gcPhys) {
        context.expectThat(
                "the guest paging structure pages " + world.vm().guestPagingStructurePages() + " must include "
                        + Numbers.hex(gcPhys),
                world.vm().guestPagingStructurePages().contains(gcPhys));
    }

    @Then("the monitor lists the guest paging structures it knows in ascending order")
    public void tablesAscending() {
        List<Long> pages = world.vm().guestPagingStructurePages();
        List<Long> ascending = pages.stream().sorted().toList();
        context.expectThat(
                "the guest paging structure pages must be listed in ascending order: " + pages + ", not " + ascending,
                pages.equals(ascending));
    }

    @Then("the monitor does not know {pgmAddress} as a guest paging structure")
    public void doesNotKnowTable(long gcPhys) {
        context.expectThat(
                "the guest paging structure pages " + world.vm().guestPagingStructurePages() + " must not include "
                        + Numbers.hex(gcPhys),
                !world.vm().guestPagingStructurePages().contains(gcPhys));
    }

    @Then("the guest's level-{int} entry for {pgmAddress} reads {pgmAddress}")
    public void guestEntryReads(int level, long linear, long expected) {
        long address = world.tables().entryAddressOf(level - 1, linear);
        context.expectEqual(
                "the guest's level-" + level + " entry for " + Numbers.hex(linear),
                Numbers.hex(expected),
                Numbers.hex(world.tables().read(address)));
    }

    @Then("the guest's registers and shadow are unchanged")
    public void unchanged() {
        context.expectUnchanged("the guest's registers and shadow", world.before(), world.observe());
    }

    private Optional<ShadowTranslation> translation(long linear) {
        return world.translation(linear);
    }

    private GuestAccessResult result() {
        return world.result();
    }

    private void snapshot() {
        world.snapshot();
    }
}
