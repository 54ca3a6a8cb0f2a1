package org.gmck.reference.pgm.shadow;

import java.util.List;
import java.util.Optional;
import org.gmck.reference.pgm.phys.PgmGuestMemory;
import org.gmck.reference.pgm.phys.PhysAddress;
import org.gmck.reference.x86.WalkTrace;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.phys.HandlerState;
import org.gmck.spi.pgm.phys.PageType;
import org.gmck.spi.pgm.phys.PhysPage;
import org.gmck.spi.pgm.shadow.GuestAccessResult;
import org.gmck.spi.pgm.shadow.MonitorAction;
import org.gmck.spi.pgm.shadow.ReflectedFault;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessKind;

/**
 * The monitor's page-fault handler (seed 003, the page-fault routing; seed 001, the shadow context). A
 * guest access runs on the shadow tables; when they fault, the handler walks the guest's own tables and
 * decides: a fault the guest's tables cause goes to the guest, with the guest's error code and CR2; a
 * write to a page the guest may write but PGM keeps read-only makes it writable first (allocate, copy,
 * record written-to); a write to a guest paging structure is carried out by the monitor, which then brings
 * the shadow back in step; anything else the guest maps is synced into the shadow and the access resumed.
 */
final class MonitorFaultHandler {

    private static final List<MonitorAction> SYNCED = List.of(MonitorAction.SYNCED);
    private static final List<MonitorAction> SYNCED_AND_EMULATED =
            List.of(MonitorAction.SYNCED, MonitorAction.EMULATED);
    private static final List<MonitorAction> NONE = List.of();
    private static final List<MonitorAction> TABLE_WRITE_EMULATED = List.of(MonitorAction.PAGE_TABLE_WRITE_EMULATED);
    private static final List<MonitorAction> ROM_WRITE_DROPPED = List.of(MonitorAction.ROM_WRITE_DROPPED);
    private static final List<MonitorAction> HANDLER_INVOKED = List.of(MonitorAction.HANDLER_INVOKED);
    private static final List<MonitorAction> REFLECTED = List.of(MonitorAction.REFLECTED_TO_GUEST);

    private final PgmShadowVm vm;
    /**
     * The guest walk of the fault being handled, kept for every fault. Nothing a fault calls walks into it again
     * (the handlers' own look-ups of the guest's tables use another).
     */
    private final WalkTrace guestWalk = new WalkTrace();

    MonitorFaultHandler(PgmShadowVm vm) {
        this.vm = vm;
    }

    GuestAccessResult run(Access access, int width, long value) {
        if (vm.translatesOnShadow(access)) {
            long gcPhys = vm.mappedGuestPage(access.linearAddress()).orElseThrow()
                    | access.linearAddress() & PhysAddress.OFFSET_MASK;
            return new GuestAccessResult(NONE, perform(access, gcPhys, width, value), Optional.empty());
        }
        return handleFault(access, width, value);
    }

    private GuestAccessResult handleFault(Access access, int width, long value) {
        WalkTrace walk = guestWalk;
        WalkTrace.Ending ending = vm.walkGuestTables(access, walk);
        if (ending == WalkTrace.Ending.PAGE_FAULT) {
            return reflected(new ReflectedFault(ReflectedFault.PAGE_FAULT, walk.errorCode(), access.linearAddress()));
        }
        if (ending != WalkTrace.Ending.TRANSLATED) {
            return reflected(new ReflectedFault(ReflectedFault.GENERAL_PROTECTION, 0, 0));
        }
        long gcPhys = walk.physicalAddress();
        PhysPage page = requireMemory(walk, gcPhys);
        HandlerState claim = vm.interceptor().claim(access.linearAddress(), page.gcPhys());
        if (claim == HandlerState.ALL || claim == HandlerState.WRITE && access.kind() == AccessKind.WRITE) {
            return handled(access, gcPhys, width, value, walk, claim);
        }
        MonitorAction madeWritable = null;
        if (access.kind() == AccessKind.WRITE) {
            if (vm.isGuestTable(page.gcPhys()) || walkedThrough(walk, page.gcPhys())) {
                // No shadow entry comes from a guest table the monitor does not know (every sync write-protects
                // the tables it walked): the write flushes the shadow when it changes a known one.
                vm.guestMemory().write(gcPhys, width, value);
                return new GuestAccessResult(TABLE_WRITE_EMULATED, 0, Optional.empty());
            }
            if (page.type() == PageType.ROM) {
                vm.protectGuestTables(walk);
                return new GuestAccessResult(ROM_WRITE_DROPPED, 0, Optional.empty());
            }
            madeWritable = makeWritable(page, gcPhys, walk);
        }
        vm.protectGuestTables(walk);
        sync(access.linearAddress(), recordNow(page, madeWritable), walk, claim, access.kind() == AccessKind.WRITE);
        boolean emulated = !vm.translatesOnShadow(access);
        return new GuestAccessResult(
                actions(madeWritable, emulated), perform(access, gcPhys, width, value), Optional.empty());
    }

    /**
     * An access a handler claims: the handlers are called, then the access is carried out by the monitor; a
     * write-claimed page is synced read-only so that reads run on, an all-claimed page stays unmapped.
     */
    private GuestAccessResult handled(
            Access access, long gcPhys, int width, long value, WalkTrace walk, HandlerState claim) {
        if (access.kind() == AccessKind.WRITE && vm.guestMemory().page(gcPhys).type() != PageType.ROM) {
            try {
                vm.guestMemory().makeWritable(gcPhys);
            } catch (RejectedException noMemory) {
                vm.restore(walk);
                throw noMemory;
            }
        }
        vm.protectGuestTables(walk);
        vm.interceptor().invoke(access.linearAddress(), gcPhys, access.kind());
        if (claim == HandlerState.WRITE) {
            sync(access.linearAddress(), vm.guestMemory().page(gcPhys), walk, claim, access.kind() == AccessKind.WRITE);
        }
        return new GuestAccessResult(HANDLER_INVOKED, perform(access, gcPhys, width, value), Optional.empty());
    }

    /** Whether the walk went through a paging structure in {@code page}. */
    private static boolean walkedThrough(WalkTrace walk, long page) {
        for (int i = 0; i < walk.entries(); i++) {
            if (PhysAddress.pageOf(walk.address(i)) == page) {
                return true;
            }
        }
        return false;
    }

    private PhysPage requireMemory(WalkTrace walk, long gcPhys) {
        try {
            PgmGuestMemory memory = vm.guestMemory();
            memory.hostPhysForRead(gcPhys);
            return memory.page(gcPhys);
        } catch (RejectedException notMemory) {
            vm.restore(walk);
            throw notMemory;
        }
    }

    /** The page's record as it is now: of all the fault does before the sync, only making it writable changes it. */
    private PhysPage recordNow(PhysPage read, MonitorAction madeWritable) {
        return madeWritable == null ? read : vm.guestMemory().page(read.gcPhys());
    }

    /** The actions of a fault the monitor synced: what made the page writable, if anything, then the sync. */
    private static List<MonitorAction> actions(MonitorAction madeWritable, boolean emulated) {
        if (madeWritable == null) {
            return emulated ? SYNCED_AND_EMULATED : SYNCED;
        }
        return emulated
                ? List.of(madeWritable, MonitorAction.SYNCED, MonitorAction.EMULATED)
                : List.of(madeWritable, MonitorAction.SYNCED);
    }

    /** Makes the page writable for a write, and says how (null when it already was). */
    private MonitorAction makeWritable(PhysPage page, long gcPhys, WalkTrace walk) {
        MonitorAction action = switch (page.state()) {
            case ZERO -> MonitorAction.ALLOCATED_ON_WRITE;
            case SHARED -> MonitorAction.COPIED_ON_WRITE;
            case WRITE_MONITORED -> MonitorAction.WRITE_MONITOR_RECORDED;
            default -> null;
        };
        if (action == null) {
            return null;
        }
        try {
            vm.guestMemory().makeWritable(gcPhys);
        } catch (RejectedException noMemory) {
            vm.restore(walk);
            throw noMemory;
        }
        return action;
    }

    /**
     * Builds the shadow entry for the page from the guest's entries, never broader than they are. A page whose
     * guest leaf entry is not yet dirty is mapped read-only until the guest writes it: that write faults, and
     * the guest's walk for it sets D as the CPU would.
     */
    private void sync(long linear, PhysPage page, WalkTrace guest, HandlerState claim, boolean write) {
        long directory = ShadowFlags.directory(guest, vm.guestLegacyPae());
        long table = ShadowFlags.table(guest);
        int used = guest.entries();
        boolean dirty = write || used == 0 || (guest.value(used - 1) & ShadowFlags.D) != 0;
        if (page.readOnly() || vm.isGuestTable(page.gcPhys()) || claim != HandlerState.NONE || !dirty) {
            table &= ~ShadowFlags.RW;
        }
        vm.tables().map(linear, page.gcPhys(), page.hostPhys(), directory, table);
    }

    private long perform(Access access, long gcPhys, int width, long value) {
        if (access.kind() == AccessKind.WRITE) {
            vm.guestMemory().write(gcPhys, width, value);
            return 0;
        }
        return vm.guestMemory().read(gcPhys, width);
    }

    private static GuestAccessResult reflected(ReflectedFault fault) {
        return new GuestAccessResult(REFLECTED, 0, Optional.of(fault));
    }
}
