package org.gmck.kit.steps.pgm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gmck.kit.Numbers;
import org.gmck.kit.ScenarioContext;
import org.gmck.kit.steps.pgm.GuestTableWriter.Layout;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.handler.HandledVm;
import org.gmck.spi.pgm.handler.HandlerCall;
import org.gmck.spi.pgm.phys.HandlerState;
import org.gmck.spi.pgm.phys.PageCounts;
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
 * <p>The guest-physical-memory world is handed the VM's memory, so that its steps (ranges, physical reads and
 * writes, the page record) work on it.
 */
public final class ShadowWorld {

    /** The guest RAM the handler scenarios register: the pages a handler snapshot looks at. */
    private static final long SNAPSHOT_PAGES = 1024;

    final ScenarioContext context;
    private final PhysWorld phys;
    private ShadowVm vm;
    private HandledVm handled;
    private GuestTableWriter tables;
    private GuestMode mode;
    boolean writeProtectOff;
    boolean smep;
    boolean smap;
    private ShadowSnapshot before;
    private final Map<String, Integer> handlers = new TreeMap<>();
    private HandlerSnapshot handlersBefore;

    public ShadowWorld(ScenarioContext context, PhysWorld phys) {
        this.context = context;
        this.phys = phys;
    }

    /** Runs the scenario on a shadow-paged VM. */
    public void use(ShadowVm shadowVm) {
        vm = shadowVm;
        phys.memory = vm.memory();
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
        before = vm == null ? null : observe();
    }

    ShadowSnapshot before() {
        return before;
    }

    ShadowSnapshot observe() {
        return new ShadowSnapshot(
                vm.guestMode(),
                vm.shadowMode(),
                vm.guestPagingStructurePages(),
                vm.memory().counts(),
                vm.memory().privateHostPages());
    }

    /**
     * What a refused call must leave as it was in a shadow-paged VM.
     *
     * @param guestMode                 the guest's paging mode
     * @param shadowMode                the mode of the shadow tables
     * @param guestPagingStructurePages the guest pages the VM treats as the guest's paging structures
     * @param counts                    the page counts of the VM's memory
     * @param privateHostPages          the host pages the VM holds privately
     */
    record ShadowSnapshot(
            GuestMode guestMode,
            PagingMode shadowMode,
            List<Long> guestPagingStructurePages,
            PageCounts counts,
            List<Long> privateHostPages) {}

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
        handlersBefore = observeHandlers();
    }

    public HandlerSnapshot handlersBefore() {
        return handlersBefore;
    }

    /** Everything a refused handler call must leave as it was: resync flag, calls, page handler states, shadow. */
    public HandlerSnapshot observeHandlers() {
        HandledVm h = handled();
        Map<String, List<HandlerCall>> calls = new TreeMap<>();
        handlers.forEach((name, id) -> calls.put(name, h.calls(id)));
        Map<String, PageHandlers> pages = new LinkedHashMap<>();
        for (long page = 0; page < SNAPSHOT_PAGES; page++) {
            PhysPage record = h.memory().page(page << 12);
            if (record.physHandler() != HandlerState.NONE || record.virtHandler() != HandlerState.NONE) {
                pages.put(Numbers.hex(record.gcPhys()), new PageHandlers(record.physHandler(), record.virtHandler()));
            }
        }
        return new HandlerSnapshot(
                h.fullResyncPending(),
                calls,
                pages,
                h.guestPagingStructurePages(),
                h.memory().counts());
    }

    /**
     * What a refused handler call must leave as it was.
     *
     * @param fullResyncPending         whether a full resync of the shadow is pending
     * @param handlerCalls              the calls each named handler has had
     * @param pageHandlerStates         the handler states of every page of guest RAM that has a handler
     * @param guestPagingStructurePages the guest pages the VM treats as the guest's paging structures
     * @param counts                    the page counts of the VM's memory
     */
    public record HandlerSnapshot(
            boolean fullResyncPending,
            Map<String, List<HandlerCall>> handlerCalls,
            Map<String, PageHandlers> pageHandlerStates,
            List<Long> guestPagingStructurePages,
            PageCounts counts) {}

    /** A page's physical and virtual handler states. */
    public record PageHandlers(HandlerState physical, HandlerState virtual) {}
}
