package org.gmck.kit.steps.x86;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.gmck.kit.Numbers;
import org.gmck.kit.ScenarioContext;
import org.gmck.kit.x86walk.MemoryWord;
import org.gmck.kit.x86walk.PathBuilder;
import org.gmck.kit.x86walk.WalkSpec;
import org.gmck.kit.x86walk.X86Defaults;
import org.gmck.kit.x86walk.X86RuleModel;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.EntryField;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.EntryUse;
import org.gmck.spi.x86.GeneralProtection;
import org.gmck.spi.x86.GpReason;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.PageFault;
import org.gmck.spi.x86.PageSize;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.Rights;
import org.gmck.spi.x86.Translated;
import org.gmck.spi.x86.X86Level;
import org.gmck.spi.x86.X86Mmu;
import org.gmck.spi.x86.X86PagingMode;

/**
 * Steps for the x86 paging rules. A scenario states the CPU, the mode, the register bits and one mapping
 * (its entries laid out by {@link PathBuilder}); the first access or load creates the MMU through the SPI,
 * writes the paging structures and loads the registers. Later steps may rewrite an entry, RFLAGS.AC, PKRU or the
 * registers between accesses on the same MMU.
 */
public final class X86PagingSteps {

    private static final long BIT_A = EntryFlag.ACCESSED.mask();

    private final ScenarioContext context;
    private final X86World world;

    public X86PagingSteps(ScenarioContext context, X86World world) {
        this.context = context;
        this.world = world;
    }

    // ------------------------------------------------------------------ the CPU, the mode, the registers

    @Given("an x86 CPU with MAXPHYADDR {int}")
    public void aCpu(int maxPhysAddr) {
        world.cpu = X86Defaults.fullCpu(maxPhysAddr);
    }

    @Given("an x86 CPU with MAXPHYADDR {int} without {x86Features}")
    public void aCpuWithout(int maxPhysAddr, EnumSet<CpuFeature> missing) {
        world.cpu = X86Defaults.cpuWithout(maxPhysAddr, missing.toArray(CpuFeature[]::new));
    }

    @Given("{x86Mode} paging")
    public void paging(X86PagingMode newMode) {
        world.mode = newMode;
    }

    @Given("{x86Bits} is/are set")
    public void bitsSet(RegisterBits bits) {
        world.cr0 |= bits.cr0();
        world.cr4 |= bits.cr4();
        world.efer |= bits.efer();
        world.rflags |= bits.rflags();
    }

    @Given("PKRU is {x86Number}")
    public void pkru(long value) {
        world.pkru = (int) value;
    }

    @Given("IA32_PKRS is {x86Number}")
    public void pkrs(long value) {
        world.pkrs = (int) value;
    }

    @Given("the paging structures lie from {x86Number} in {x86Number} bytes of guest RAM")
    public void tablesAt(long firstTable, long guestRamBytes) {
        world.tables = firstTable;
        world.ram = guestRamBytes;
    }

    private ControlRegisters registers() {
        return ControlRegisters.forMode(world.mode, PathBuilder.cr3(world.mode, world.tables))
                .withCr0(world.cr0)
                .withCr4(world.cr4)
                .withEfer(world.efer);
    }

    // ------------------------------------------------------------------ the mapping

    @Given("a {x86PageSize} page mapped at {x86Number}")
    public void aPage(PageSize size, long address) {
        world.leaf = size;
        world.mappedAddress = address;
        world.flags = new long[PathBuilder.depth(world.mode, size)];
        Arrays.fill(world.flags, X86Defaults.permissiveBits());
        if (world.mode == X86PagingMode.PAE) {
            world.flags[0] = 1;
        }
    }

    @Given("a {x86PageSize} page mapped at {x86Number} to frame {x86Number}")
    public void aPageToFrame(PageSize size, long address, long frameAddress) {
        aPage(size, address);
        world.frame = frameAddress;
    }

    @Given("the {x86Level} entry is {x86Flags}")
    public void entryIs(X86Level level, Long bits) {
        world.flags[index(level)] = bits;
    }

    @Given("the {x86Level} entry also has bit {int} set")
    public void entryAlsoHasBit(X86Level level, int bit) {
        world.flags[index(level)] |= 1L << bit;
    }

    @Given("the {x86Level} entry holds {x86Number}")
    public void entryHolds(X86Level level, long value) {
        world.rawEntries.put(index(level), value);
    }

    @Given("the {x86Level} entry has protection key {int}")
    public void entryHasKey(X86Level level, int key) {
        world.flags[index(level)] = (world.flags[index(level)] & ~EntryField.PROTECTION_KEY.mask())
                | EntryField.PROTECTION_KEY.of((long) key << EntryField.PROTECTION_KEY.low());
    }

    private int index(X86Level level) {
        int i = world.mode.levels().indexOf(level);
        if (i < 0 || i >= world.flags.length) {
            throw new IllegalArgumentException("the mapping has no " + level + " entry in " + world.mode + " paging");
        }
        return i;
    }

    private WalkSpec layoutFor(long linearAddress) {
        long address = world.leaf == null ? linearAddress : world.mappedAddress;
        Access access = new Access(address, AccessKind.READ, Privilege.SUPERVISOR);
        if (world.leaf == null) {
            return new WalkSpec(
                    world.cpu,
                    world.ram,
                    registers(),
                    world.rflags,
                    world.pkru,
                    world.pkrs,
                    List.of(),
                    List.of(),
                    access);
        }
        long leafFrame = world.frame == null ? PathBuilder.frame(world.cpu, world.mode, world.leaf) : world.frame;
        return PathBuilder.build(
                world.cpu,
                registers(),
                world.rflags,
                world.pkru,
                world.pkrs,
                world.leaf,
                world.flags,
                access,
                leafFrame,
                world.tables,
                world.ram);
    }

    private WalkSpec withRawEntries(WalkSpec spec) {
        List<WalkSpec.PathEntry> path = new ArrayList<>(spec.path());
        world.rawEntries.forEach((i, value) -> path.set(
                i,
                new WalkSpec.PathEntry(path.get(i).level(), path.get(i).word().withValue(value))));
        return new WalkSpec(
                spec.cpu(),
                spec.guestRamBytes(),
                spec.registers(),
                spec.rflags(),
                spec.pkru(),
                spec.pkrs(),
                path,
                spec.otherMemory(),
                spec.access());
    }

    private X86Mmu mmu() {
        if (world.mmu == null) {
            context.attempt(() -> context.adapter().newX86Mmu(world.cpu, world.ram));
            world.mmu = context.lastValue("a new x86 MMU for " + world.cpu);
            world.layout = withRawEntries(layoutFor(world.mappedAddress));
            for (MemoryWord w : world.layout.memory()) {
                write(w);
            }
            world.mmu.setRflags(world.rflags);
            world.mmu.setPkru(world.pkru);
            world.mmu.setPkrs(world.pkrs);
        }
        return world.mmu;
    }

    private void write(MemoryWord w) {
        if (w.width() == 4) {
            world.mmu.writePhysical32(w.address(), (int) w.value());
        } else {
            world.mmu.writePhysical64(w.address(), w.value());
        }
    }

    private long read(MemoryWord w) {
        return w.width() == 4
                ? Integer.toUnsignedLong(world.mmu.readPhysical32(w.address()))
                : world.mmu.readPhysical64(w.address());
    }

    private void ensureLoaded() {
        if (!world.loaded) {
            LoadOutcome outcome = mmu().loadControlRegisters(registers());
            context.expectEqual("loading " + registers(), new Loaded(world.mode), outcome);
            world.loaded = true;
        }
    }

    // ------------------------------------------------------------------ accesses

    @When("a(n) {x86Privilege} {x86Kind} of {x86Number} is made")
    public void anAccess(Privilege privilege, AccessKind kind, long address) {
        ensureLoaded();
        world.lastAccess = new Access(address, kind, privilege);
        context.attempt(() -> world.mmu.access(world.lastAccess));
    }

    @When("a(n) {x86Privilege} {x86Kind} of {x86Number} is made twice")
    public void anAccessTwice(Privilege privilege, AccessKind kind, long address) {
        anAccess(privilege, kind, address);
        world.firstOutcome = context.lastValue("the first access");
        world.memoryAfterFirst = world.layout.memory().stream().map(this::read).toList();
        context.attempt(() -> world.mmu.access(world.lastAccess));
    }

    @When("an access is made before any register load")
    public void anAccessBeforeLoad() {
        mmu();
        context.attempt(() -> world.mmu.access(new Access(0x1000, AccessKind.READ, Privilege.SUPERVISOR)));
    }

    private <T> T last(Class<T> type) {
        AccessOutcome outcome = context.lastValue("the outcome of " + world.lastAccess);
        if (!type.isInstance(outcome)) {
            throw context.failure("the outcome of " + world.lastAccess, type.getSimpleName(), outcome);
        }
        return type.cast(outcome);
    }

    @Then("the access translates to {x86Number}")
    public void translatesTo(long physicalAddress) {
        context.expectEqual(
                "the physical address of " + world.lastAccess,
                Numbers.hex(physicalAddress),
                Numbers.hex(last(Translated.class).physicalAddress()));
    }

    @Then("the page size is {x86PageSize}")
    public void pageSizeIs(PageSize size) {
        context.expectEqual(
                "the page size of " + world.lastAccess,
                size,
                last(Translated.class).pageSize());
    }

    @Then("the translation has no page and used no entries")
    public void unpaged() {
        Translated t = last(Translated.class);
        context.expectEqual("the page size of " + world.lastAccess, PageSize.UNPAGED, t.pageSize());
        context.expectEqual("the entries used by " + world.lastAccess, List.of(), t.entries());
    }

    @Then("the translation used the {x86Levels} entries")
    public void usedEntries(List<X86Level> levels) {
        List<EntryUse> used = last(Translated.class).entries();
        context.expectEqual(
                "the levels of the entries used by " + world.lastAccess,
                levels,
                used.stream().map(EntryUse::level).toList());
        for (EntryUse use : used) {
            MemoryWord word = wordOf(use.level());
            context.expectEqual(
                    "where the " + use.level() + " entry was read",
                    Numbers.hex(word.address()),
                    Numbers.hex(use.address()));
            context.expectEqual(
                    "the value of the " + use.level() + " entry as read",
                    Numbers.hex(word.value()),
                    Numbers.hex(use.value()));
        }
    }

    @Then("the {x86Level} entry was read from {x86Number}")
    public void readFrom(X86Level level, long address) {
        EntryUse use = last(Translated.class).entries().stream()
                .filter(e -> e.level() == level)
                .findFirst()
                .orElseThrow(() -> context.failure("the entries used by " + world.lastAccess, level, "no such entry"));
        context.expectEqual("where the " + level + " entry was read", Numbers.hex(address), Numbers.hex(use.address()));
    }

    @Then("the effective rights are {word}, {word}, {word} with key {int}")
    public void rightsAre(String write, String user, String execute, int key) {
        Rights expected = new Rights(write.equals("writable"), user.equals("user"), execute.equals("executable"), key);
        context.expectEqual(
                "the effective rights of " + world.lastAccess,
                expected,
                last(Translated.class).rights());
    }

    @Then("the access page-faults with error code {x86ErrorCode}")
    public void pageFaults(Integer errorCode) {
        PageFault expected = new PageFault(errorCode, world.lastAccess.linearAddress());
        context.expectEqual(
                "the #PF of " + world.lastAccess + " (error code and CR2)", expected, last(PageFault.class));
    }

    @Then("the access raises #GP because of {word}")
    public void accessGp(String reason) {
        context.expectEqual(
                "the outcome of " + world.lastAccess,
                new GeneralProtection(GpReason.valueOf(reason)),
                last(GeneralProtection.class));
    }

    @Then("the second access has the same outcome and leaves memory as the first did")
    public void sameAgain() {
        AccessOutcome second = context.lastValue("the second access");
        context.expectEqual(
                "the outcome of repeating " + world.lastAccess, comparable(world.firstOutcome), comparable(second));
        context.expectEqual(
                "paging memory after repeating " + world.lastAccess,
                world.memoryAfterFirst,
                world.layout.memory().stream().map(this::read).toList());
    }

    /** An outcome without the entry values, which a re-walk reads with A and D already set. */
    private static Object comparable(AccessOutcome outcome) {
        if (outcome instanceof Translated t) {
            return List.of(
                    t.physicalAddress(),
                    t.pageSize(),
                    t.rights(),
                    t.entries().stream()
                            .map(e -> e.level() + "@" + Numbers.hex(e.address()))
                            .toList());
        }
        return outcome;
    }

    // ------------------------------------------------------------------ A and D

    private MemoryWord wordOf(X86Level level) {
        int i = world.mode.levels().indexOf(level);
        return world.layout.path().get(i).word();
    }

    @Then("the {x86Level} entry has A {word} and D {word}")
    public void accessedDirty(X86Level level, String a, String d) {
        long value = read(wordOf(level));
        context.expectEqual(
                "A in the " + level + " entry after " + world.lastAccess,
                a.equals("set"),
                EntryFlag.ACCESSED.isSetIn(value));
        context.expectEqual(
                "D in the " + level + " entry after " + world.lastAccess,
                d.equals("set"),
                EntryFlag.DIRTY.isSetIn(value));
    }

    @Then("no paging entry changed")
    public void noEntryChanged() {
        for (MemoryWord w : world.layout.memory()) {
            context.expectEqual(
                    String.format("the paging entry at %#x after %s", w.address(), world.lastAccess),
                    Numbers.hex(w.value()),
                    Numbers.hex(read(w)));
        }
    }

    /**
     * The leaf and every entry at or below the one the walk stopped at are unchanged; a non-leaf entry the
     * walk checked before the fault may have gained A (SDM 4.7, 4.8), and nothing else. Which entries the
     * walk checked comes from the rule model. Only X86-AD-4 (SHOULD, I-X86-1) asks for no change at all.
     */
    @Then("no paging entry changed but A in the non-leaf entries walked before the fault")
    public void noEntryChangedButNonLeafAccessed() {
        WalkSpec asMade = new WalkSpec(
                world.layout.cpu(),
                world.layout.guestRamBytes(),
                world.layout.registers(),
                world.layout.rflags(),
                world.layout.pkru(),
                world.layout.pkrs(),
                world.layout.path(),
                world.layout.otherMemory(),
                world.lastAccess);
        List<Long> mayBeSet = X86RuleModel.expect(asMade).accessedMayBeSet();
        for (MemoryWord w : world.layout.memory()) {
            long seen = read(w);
            boolean permitted = mayBeSet.contains(w.address()) && seen == (w.value() | BIT_A);
            context.expectEqual(
                    String.format(
                            "the paging entry at %#x after %s%s",
                            w.address(),
                            world.lastAccess,
                            mayBeSet.contains(w.address()) ? " (a non-leaf entry: A may be set, nothing else)" : ""),
                    Numbers.hex(w.value()),
                    Numbers.hex(permitted ? w.value() : seen));
        }
    }

    // ------------------------------------------------------------------ register loads

    @When("the control registers are loaded")
    public void loadRegisters() {
        load(registers());
    }

    private void load(ControlRegisters r) {
        context.attempt(() -> mmu().loadControlRegisters(r))
                .ifPresent(outcome -> world.loaded |= outcome instanceof Loaded);
    }

    @When("the control registers are loaded again")
    public void loadAgain() {
        loadRegisters();
        context.expectEqual("reloading " + registers(), new Loaded(world.mode), context.lastValue("the reload"));
    }

    @When(
            "the control registers are loaded with CR0 {x86Number}, CR3 {x86Number}, CR4 {x86Number} and EFER {x86Number}")
    public void loadRaw(long rawCr0, long rawCr3, long rawCr4, long rawEfer) {
        load(new ControlRegisters(rawCr0, rawCr3, rawCr4, rawEfer));
    }

    @When("the registers switch to {x86Mode} paging with {x86Bits} set")
    public void switchMode(X86PagingMode newMode, RegisterBits bits) {
        ensureLoaded();
        ControlRegisters r = ControlRegisters.forMode(newMode, PathBuilder.cr3(world.mode, world.tables))
                .withCr0(bits.cr0())
                .withCr4(bits.cr4())
                .withEfer(bits.efer());
        context.attempt(() -> world.mmu.loadControlRegisters(r));
    }

    @Then("the register load succeeds in {x86Mode} paging")
    public void loadSucceeds(X86PagingMode expected) {
        context.expectEqual(
                "the outcome of the register load", new Loaded(expected), context.lastValue("the register load"));
    }

    @Then("the register load raises #GP because of {word}")
    public void loadGp(String reason) {
        context.expectEqual(
                "the outcome of the register load",
                new GeneralProtection(GpReason.valueOf(reason)),
                context.lastValue("the register load"));
    }

    @When("the {x86Level} entry is overwritten in memory with {x86Number}")
    public void overwrite(X86Level level, long value) {
        ensureLoaded();
        MemoryWord w = wordOf(level);
        write(w.withValue(value));
    }

    // ------------------------------------------------------------------ RFLAGS and PKRU between accesses

    @When("RFLAGS.AC is cleared")
    public void clearAc() {
        ensureLoaded();
        world.rflags &= ~RegisterBits.RFLAGS_AC;
        world.mmu.setRflags(world.rflags);
        followRegisters();
    }

    @When("PKRU is changed to {x86Number}")
    public void changePkru(long value) {
        ensureLoaded();
        world.pkru = (int) value;
        world.mmu.setPkru(world.pkru);
        followRegisters();
    }

    /** Keeps RFLAGS and PKRU in the layout as the MMU now holds them, for the rule model's later judgements. */
    private void followRegisters() {
        WalkSpec l = world.layout;
        world.layout = new WalkSpec(
                l.cpu(),
                l.guestRamBytes(),
                l.registers(),
                world.rflags,
                world.pkru,
                world.pkrs,
                l.path(),
                l.otherMemory(),
                l.access());
    }

    // ------------------------------------------------------------------ guest memory

    @When("I create an x86 MMU for MAXPHYADDR {int} with {x86Number} bytes of guest RAM")
    public void createMmu(int maxPhysAddr, long ram) {
        world.cpu = X86Defaults.fullCpu(maxPhysAddr);
        CpuModel model = world.cpu;
        context.attempt(() -> context.adapter().newX86Mmu(model, ram));
    }

    @Then("the x86 MMU is created")
    public void mmuCreated() {
        X86Mmu created = context.lastValue("creating an x86 MMU");
        context.expectEqual("the CPU model of the new MMU", world.cpu, created.cpuModel());
    }

    @When("I write {x86Number} to the {int} bytes at physical {x86Number}")
    public void writePhysical(long value, int width, long address) {
        mmu();
        context.attempt(() -> {
            write(new MemoryWord(address, width, value));
            return Boolean.TRUE;
        });
    }

    @When("I read the {int} bytes at physical {x86Number}")
    public void readPhysical(int width, long address) {
        mmu();
        context.attempt(() -> read(new MemoryWord(address, width, 0)));
    }

    @Then("the {int} bytes at physical {x86Number} read {x86Number}")
    public void physicalReads(int width, long address, long value) {
        mmu();
        context.attempt(() -> read(new MemoryWord(address, width, 0)));
        context.expectEqual(
                String.format("the %d bytes at physical %#x", width, address),
                Numbers.hex(value),
                Numbers.hex(context.lastValue("the read")));
    }
}
