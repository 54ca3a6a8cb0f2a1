package org.gmck.reference.pgm.handler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.gmck.reference.pgm.phys.PgmGuestMemory;
import org.gmck.reference.pgm.shadow.AccessInterceptor;
import org.gmck.reference.pgm.shadow.PgmShadowVm;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.handler.HandledVm;
import org.gmck.spi.pgm.handler.HandlerCall;
import org.gmck.spi.pgm.handler.HandlerEvent;
import org.gmck.spi.pgm.handler.HandlerStatus;
import org.gmck.spi.pgm.handler.PhysHandlerKind;
import org.gmck.spi.pgm.handler.VirtHandlerKind;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.HandlerState;
import org.gmck.spi.pgm.phys.PhysPage;
import org.gmck.spi.pgm.shadow.GuestAccessResult;
import org.gmck.spi.pgm.shadow.ShadowTranslation;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.Privilege;

/**
 * A shadow-paged VM with access handlers, and the handlers' life cycle (seed 001, "Virtual Access
 * Handlers", steps 1 to 6). Registering or deregistering a WRITE or ALL virtual handler flags a full resync;
 * the resync runs at the next SyncCR3 or CR3 load and, like a pending force flag, before the guest's next
 * access: it clears the shadow, looks every handler page up through the guest's tables, resets pages whose
 * translation changed (calling the handler's invalidation callback) and raises every cached page to the
 * highest state over its handlers. INVLPG of a handler page does the same for that page at once.
 */
public final class HandledShadowVm implements HandledVm, AccessInterceptor {

    private final PgmShadowVm vm;
    private final PgmGuestMemory memory;
    private final PhysicalHandlers physical;
    private final VirtualHandlers virtual = new VirtualHandlers();
    private final HandlerStates states;
    private final CallLog log = new CallLog();
    private boolean resyncPending;

    public HandledShadowVm(PgmShadowVm vm) {
        this.vm = vm;
        this.memory = vm.guestMemory();
        this.physical = new PhysicalHandlers(memory);
        this.states = new HandlerStates(memory);
        vm.intercept(this);
    }

    @Override
    public int registerPhysical(PhysHandlerKind kind, long gcPhysFirst, long gcPhysLast) {
        PageRange range = physical.check(kind, gcPhysFirst, gcPhysLast);
        PhysicalHandler handler = new PhysicalHandler(log.newHandler(), kind, range);
        physical.register(handler);
        return handler.id();
    }

    @Override
    public int registerVirtual(VirtHandlerKind kind, long first, long last) {
        PageRange range = virtual.check(kind, first, last);
        VirtualHandler handler = new VirtualHandler(log.newHandler(), kind, range);
        virtual.register(handler);
        if (kind != VirtHandlerKind.HYPERVISOR) {
            resyncPending = true;
        }
        return handler.id();
    }

    @Override
    public void deregister(int handler) {
        Optional<PhysicalHandler> phys = physical.find(handler);
        if (phys.isPresent()) {
            physical.deregister(phys.get());
            return;
        }
        VirtualHandler virt = virtual.find(handler)
                .orElseThrow(() -> new RejectedException(
                        HandlerStatus.VERR_PGM_HANDLER_NOT_FOUND, "no handler with id " + handler + " is registered"));
        virtual.deregister(virt);
        if (virt.kind() != VirtHandlerKind.HYPERVISOR) {
            for (int i = 0; i < virt.pages(); i++) {
                if (virt.cached(i) != VirtualHandler.NIL) {
                    states.reset(virt.cached(i));
                }
            }
            resyncPending = true;
        }
    }

    @Override
    public List<HandlerCall> calls(int handler) {
        return log.calls(handler);
    }

    @Override
    public boolean fullResyncPending() {
        return resyncPending;
    }

    @Override
    public OptionalLong cachedPhysical(int handler, long linear) {
        VirtualHandler virt = virtual.find(handler)
                .filter(h -> h.kind() != VirtHandlerKind.HYPERVISOR)
                .orElseThrow(() -> new RejectedException(
                        HandlerStatus.VERR_PGM_HANDLER_NOT_FOUND,
                        "no WRITE or ALL virtual handler with id " + handler + " is registered"));
        if (!virt.range().contains(linear)) {
            throw new RejectedException(
                    HandlerStatus.VERR_INVALID_PARAMETER,
                    String.format("%#x lies outside handler %d's range %s", linear, handler, virt.range()));
        }
        return virt.cachedAt(linear);
    }

    // --- the shadow VM, with the handler steps hooked in ---

    @Override
    public GuestPhysicalMemory memory() {
        return vm.memory();
    }

    @Override
    public PagingMode hostMode() {
        return vm.hostMode();
    }

    @Override
    public GuestMode guestMode() {
        return vm.guestMode();
    }

    @Override
    public PagingMode shadowMode() {
        return vm.shadowMode();
    }

    @Override
    public LoadOutcome loadControlRegisters(ControlRegisters registers) {
        LoadOutcome outcome = vm.loadControlRegisters(registers);
        if (outcome instanceof Loaded) {
            syncCr3();
        }
        return outcome;
    }

    @Override
    public GuestAccessResult access(long linearAddress, AccessKind kind, Privilege privilege, int width, long value) {
        if (resyncPending) {
            syncCr3();
        }
        return vm.access(linearAddress, kind, privilege, width, value);
    }

    /**
     * Step 5: INVLPG of a handler page looks the page up again; a changed translation calls the handler. A
     * pending full resync is left for the next CR3 load or access, which redoes every page anyway.
     */
    @Override
    public void invalidatePage(long linearAddress) {
        vm.invalidatePage(linearAddress);
        Optional<VirtualHandler> handler = virtual.at(linearAddress);
        if (handler.isPresent()) {
            VirtualHandler h = handler.get();
            lookUp(h, h.pageOf(linearAddress));
            states.update(virtual.physical());
        }
    }

    /**
     * Step 2: the shadow is cleared (2c; first, so that the write protection the look-ups below put on the
     * guest's tables stays), every handler page is looked up through the guest's tables (2a), the virtual
     * bit update raises the cached pages (2b), and the shadow is rebuilt from the guest's CR3 on demand (2d).
     */
    @Override
    public void syncCr3() {
        vm.syncCr3();
        List<VirtualHandler> handlers = virtual.physical();
        for (VirtualHandler handler : handlers) {
            for (int i = 0; i < handler.pages(); i++) {
                lookUp(handler, i);
            }
        }
        states.update(handlers);
        resyncPending = false;
    }

    @Override
    public Optional<ShadowTranslation> shadowTranslation(long linearAddress) {
        return vm.shadowTranslation(linearAddress);
    }

    @Override
    public List<Long> guestPagingStructurePages() {
        return vm.guestPagingStructurePages();
    }

    // --- what the monitor's fault handler asks ---

    @Override
    public HandlerState claim(long linear, long gcPhysPage) {
        Optional<VirtualHandler> covering = virtual.at(linear);
        if (covering.isPresent()) {
            VirtualHandler h = covering.get();
            if (follow(h, h.pageOf(linear), gcPhysPage)) {
                states.update(virtual.physical());
            }
        }
        PhysPage page = memory.page(gcPhysPage);
        HandlerState claim = HandlerStates.max(page.physHandler(), page.virtHandler());
        for (VirtualHandler handler : linearHandlers(linear).keySet()) {
            claim = HandlerStates.max(claim, handler.state());
        }
        return claim;
    }

    @Override
    public void invoke(long linear, long gcPhys, AccessKind kind) {
        HandlerEvent event = HandlerEvent.valueOf(kind.name());
        physical.at(gcPhys).filter(h -> claims(h.state(), kind)).ifPresent(h -> log.record(h.id(), event, gcPhys));
        Map<VirtualHandler, Long> called = linearHandlers(linear);
        long page = gcPhys & ~PageRange.OFFSET_MASK;
        for (VirtualHandler alias : virtual.physical()) {
            int index = alias.indexOf(page);
            if (index >= 0) {
                called.putIfAbsent(alias, alias.range().page(index) | gcPhys & PageRange.OFFSET_MASK);
            }
        }
        called.forEach((h, address) -> {
            if (claims(h.state(), kind)) {
                log.record(h.id(), event, address);
            }
        });
    }

    @Override
    public void guestTablesChanged() {
        resyncPending = true;
    }

    /** The virtual handlers whose ranges hold {@code linear}, with the address they are told. */
    private Map<VirtualHandler, Long> linearHandlers(long linear) {
        Map<VirtualHandler, Long> found = new LinkedHashMap<>();
        virtual.at(linear).ifPresent(h -> found.put(h, linear));
        virtual.hypervisorAt(linear).ifPresent(h -> found.put(h, linear));
        return found;
    }

    /**
     * Step 2a for one page: looks the page up through the guest's tables and, when the translation changed,
     * resets the old page to NONE and calls the handler's invalidation callback if the page had been mapped.
     */
    private void lookUp(VirtualHandler handler, int page) {
        follow(handler, page, guestPage(handler.range().page(page)));
    }

    /**
     * Brings one cache entry in step with the guest physical page {@code now} (step 2a, and step 3's update
     * of the cache when a fault finds the mapping changed).
     *
     * @return whether the translation changed
     */
    private boolean follow(VirtualHandler handler, int page, long now) {
        long before = handler.cached(page);
        if (now == before) {
            return false;
        }
        handler.cache(page, now);
        if (before != VirtualHandler.NIL) {
            states.reset(before);
            log.record(handler.id(), HandlerEvent.INVALIDATE, handler.range().page(page));
        }
        return true;
    }

    /** The guest RAM page the guest's tables map {@code linear} to, or NIL. */
    private long guestPage(long linear) {
        OptionalLong gcPhys = vm.guestTranslation(linear);
        if (gcPhys.isEmpty()) {
            return VirtualHandler.NIL;
        }
        try {
            memory.page(gcPhys.getAsLong());
            return gcPhys.getAsLong();
        } catch (RejectedException noRam) {
            return VirtualHandler.NIL;
        }
    }

    private static boolean claims(HandlerState state, AccessKind kind) {
        return state == HandlerState.ALL || kind == AccessKind.WRITE;
    }
}
