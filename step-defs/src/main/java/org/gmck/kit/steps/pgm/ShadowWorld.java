package org.gmck.kit.steps.pgm;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.gmck.kit.Numbers;
import org.gmck.kit.ScenarioContext;
import org.gmck.kit.steps.pgm.GuestTableWriter.Layout;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.handler.HandledVm;
import org.gmck.spi.pgm.phys.HandlerState;
import org.gmck.spi.pgm.phys.PhysPage;
import org.gmck.spi.pgm.shadow.GuestAccessResult;
import org.gmck.spi.pgm.shadow.ShadowTranslation;
import org.gmck.spi.pgm.shadow.ShadowVm;
import org.gmck.spi.x86.ControlRegisters;

/**
 * What the shadow-paging and access-handler steps of one scenario share: the VM under test (a plain
 * shadow-paged VM or one with access handlers), the guest's tables and control bits, the handlers by name,
 * and snapshots taken before each action so that a refused call can be checked to have changed nothing.
 *
 * <p>The guest-physical-memory steps are handed the VM's memory, so that their steps (ranges, physical
 * reads and writes, the page record) work on it.
 */
public final class ShadowWorld {

    /** The guest RAM the handler scenarios register: the pages a handler snapshot looks at. */
    private static final long SNAPSHOT_PAGES = 1024;

    final ScenarioContext context;
    private final GuestMemorySteps memorySteps;
    private ShadowVm vm;
    private HandledVm handled;
    private GuestTableWriter tables;
    private GuestMode mode;
    boolean writeProtectOff;
    boolean smep;
    boolean smap;
    private String before;
    private final Map<String, Integer> handlers = new HashMap<>();
    private String handlersBefore;

    public ShadowWorld(ScenarioContext context, GuestMemorySteps memorySteps) {
        this.context = context;
        this.memorySteps = memorySteps;
    }

    /** Runs the scenario on a shadow-paged VM. */
    public void use(ShadowVm shadowVm) {
        vm = shadowVm;
        memorySteps.use(vm.memory());
    }

    /** Runs the scenario on a shadow-paged VM with access handlers. */
    public void use(HandledVm handledVm) {
        use((ShadowVm) handledVm);
        handled = handledVm;
    }

    public ShadowVm vm() {
        return vm;
    }

    /** The VM with access handlers; a scenario that made none has a mistake in it. */
    public HandledVm handled() {
        if (handled == null) {
            throw context.failure("the scenario made no shadow-paged VM with access handlers", null);
        }
        return handled;
    }

    /** Starts the guest's own tables of a mode at {@code root}. */
    void guestTables(GuestMode guestMode, long root) {
        mode = guestMode;
        Layout layout =
                guestMode.longMode() ? Layout.AMD64 : guestMode == GuestMode.BITS32 ? Layout.BITS32 : Layout.PAE;
        tables = new GuestTableWriter(vm.memory(), layout, root);
    }

    GuestTableWriter tables() {
        if (tables == null) {
            throw context.failure("the scenario gave the guest no page tables", null);
        }
        return tables;
    }

    GuestMode mode() {
        return mode;
    }

    /** The registers a guest with these tables loads: paging, PAE and long mode as its mode has them. */
    ControlRegisters registers(long cr3) {
        long cr0 = ControlRegisters.CR0_PE | ControlRegisters.CR0_PG | (writeProtectOff ? 0 : ControlRegisters.CR0_WP);
        long cr4 = (mode == GuestMode.BITS32 ? 0 : ControlRegisters.CR4_PAE)
                | (smep ? ControlRegisters.CR4_SMEP : 0)
                | (smap ? ControlRegisters.CR4_SMAP : 0);
        if (mode == GuestMode.BITS32 && tables.usesLargePages()) {
            cr4 |= ControlRegisters.CR4_PSE;
        }
        long efer = mode.longMode() ? ControlRegisters.EFER_LME | ControlRegisters.EFER_LMA : 0;
        if (mode == GuestMode.PAE_NX || mode == GuestMode.AMD64_NX) {
            efer |= ControlRegisters.EFER_NXE;
        }
        return new ControlRegisters(cr0, cr3, cr4, efer);
    }

    Optional<ShadowTranslation> translation(long linear) {
        return vm.shadowTranslation(linear);
    }

    /** The shadow translation of {@code linear}; the scenario fails when the shadow does not map it. */
    ShadowTranslation requireTranslation(long linear) {
        return translation(linear)
                .orElseThrow(
                        () -> context.failure("the shadow must map " + Numbers.hex(linear) + " but does not", null));
    }

    GuestAccessResult result() {
        return context.lastValue("the guest access");
    }

    // --- snapshots of the VM, for refused calls ---

    void snapshot() {
        before = vm == null ? null : describe();
    }

    String before() {
        return before;
    }

    String describe() {
        return vm.guestMode() + " " + vm.shadowMode() + " " + vm.guestPagingStructurePages() + " "
                + vm.memory().counts() + " " + vm.memory().privateHostPages();
    }

    // --- access handlers by name ---

    public void name(String name, int id) {
        handlers.put(name, id);
    }

    public int id(String name) {
        Integer id = handlers.get(name);
        if (id == null) {
            throw context.failure("the scenario never registered a handler named " + name, null);
        }
        return id;
    }

    public void snapshotHandlers() {
        handlersBefore = describeHandlers();
    }

    public String handlersBefore() {
        return handlersBefore;
    }

    /** Everything a refused handler call must leave as it was: resync flag, calls, page handler states, shadow. */
    public String describeHandlers() {
        HandledVm h = handled();
        StringBuilder text = new StringBuilder("resync pending " + h.fullResyncPending());
        handlers.forEach((name, id) -> text.append(' ').append(name).append(h.calls(id)));
        for (long page = 0; page < SNAPSHOT_PAGES; page++) {
            PhysPage record = h.memory().page(page << 12);
            if (record.physHandler() != HandlerState.NONE || record.virtHandler() != HandlerState.NONE) {
                text.append(' ')
                        .append(Numbers.hex(record.gcPhys()))
                        .append(record.physHandler())
                        .append(record.virtHandler());
            }
        }
        text.append(' ').append(h.guestPagingStructurePages()).append(h.memory().counts());
        return text.toString();
    }
}
