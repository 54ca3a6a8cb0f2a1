package org.gmck.reference.pgm.shadow;

import java.util.List;
import java.util.Optional;
import org.gmck.reference.pgm.phys.PgmGuestMemory;
import org.gmck.reference.pgm.phys.PhysAddress;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.phys.HandlerState;
import org.gmck.spi.pgm.phys.PageType;
import org.gmck.spi.pgm.phys.PhysPage;
import org.gmck.spi.pgm.shadow.GuestAccessResult;
import org.gmck.spi.pgm.shadow.MonitorAction;
import org.gmck.spi.pgm.shadow.ReflectedFault;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.EntryUse;
import org.gmck.spi.x86.PageFault;
import org.gmck.spi.x86.Translated;

/**
 * The monitor's page-fault handler (seed 003, the page-fault routing; seed 001, the shadow context). A
 * guest access runs on the shadow tables; when they fault, the handler walks the guest's own tables and
 * decides: a fault the guest's tables cause goes to the guest, with the guest's error code and CR2; a
 * write to a page the guest may write but PGM keeps read-only makes it writable first (allocate, copy,
 * record written-to); a write to a guest paging structure is carried out by the monitor, which then brings
 * the shadow back in step; anything else the guest maps is synced into the shadow and the access resumed.
 */
final class MonitorFaultHandler {

    private final PgmShadowVm vm;

    MonitorFaultHandler(PgmShadowVm vm) {
        this.vm = vm;
    }

    GuestAccessResult run(Access access, int width, long value) {
        AccessOutcome shadow = vm.onShadow(access);
        if (shadow instanceof Translated) {
            long gcPhys = vm.mappedGuestPage(access.linearAddress()).orElseThrow()
                    | access.linearAddress() & PhysAddress.OFFSET_MASK;
            return new GuestAccessResult(List.of(), perform(access, gcPhys, width, value), Optional.empty());
        }
        return handleFault(access, width, value);
    }

    private GuestAccessResult handleFault(Access access, int width, long value) {
        AccessOutcome guest = vm.onGuestTables(access);
        if (guest instanceof PageFault pf) {
            return reflected(new ReflectedFault(ReflectedFault.PAGE_FAULT, pf.errorCode(), pf.cr2()));
        }
        if (!(guest instanceof Translated walk)) {
            return reflected(new ReflectedFault(ReflectedFault.GENERAL_PROTECTION, 0, 0));
        }
        long gcPhys = walk.physicalAddress();
        PhysPage page = requireMemory(walk, gcPhys);
        List<EntryUse> entries = walk.entries();
        long[] guestTables = new long[entries.size()];
        for (int i = 0; i < guestTables.length; i++) {
            guestTables[i] = PhysAddress.pageOf(entries.get(i).address());
        }
        HandlerState claim = vm.interceptor().claim(access.linearAddress(), page.gcPhys());
        if (claim == HandlerState.ALL || claim == HandlerState.WRITE && access.kind() == AccessKind.WRITE) {
            return handled(access, gcPhys, width, value, walk, guestTables, claim);
        }
        MonitorAction madeWritable = null;
        if (access.kind() == AccessKind.WRITE) {
            if (vm.isGuestTable(page.gcPhys()) || contains(guestTables, page.gcPhys())) {
                // No shadow entry comes from a guest table the monitor does not know (every sync write-protects
                // the tables it walked): the write flushes the shadow when it changes a known one.
                vm.guestMemory().write(gcPhys, width, value);
                return new GuestAccessResult(List.of(MonitorAction.PAGE_TABLE_WRITE_EMULATED), 0, Optional.empty());
            }
            if (page.type() == PageType.ROM) {
                protect(guestTables);
                return new GuestAccessResult(List.of(MonitorAction.ROM_WRITE_DROPPED), 0, Optional.empty());
            }
            madeWritable = makeWritable(page, gcPhys, walk);
        }
        protect(guestTables);
        sync(
                access.linearAddress(),
                recordNow(page, madeWritable),
                walk.entries(),
                claim,
                access.kind() == AccessKind.WRITE);
        boolean emulated = !(vm.onShadow(access) instanceof Translated);
        return new GuestAccessResult(
                actions(madeWritable, emulated), perform(access, gcPhys, width, value), Optional.empty());
    }

    /**
     * An access a handler claims: the handlers are called, then the access is carried out by the monitor; a
     * write-claimed page is synced read-only so that reads run on, an all-claimed page stays unmapped.
     */
    private GuestAccessResult handled(
            Access access,
            long gcPhys,
            int width,
            long value,
            Translated walk,
            long[] guestTables,
            HandlerState claim) {
        if (access.kind() == AccessKind.WRITE && vm.guestMemory().page(gcPhys).type() != PageType.ROM) {
            try {
                vm.guestMemory().makeWritable(gcPhys);
            } catch (RejectedException noMemory) {
                vm.restore(walk.entries());
                throw noMemory;
            }
        }
        protect(guestTables);
        vm.interceptor().invoke(access.linearAddress(), gcPhys, access.kind());
        if (claim == HandlerState.WRITE) {
            sync(
                    access.linearAddress(),
                    vm.guestMemory().page(gcPhys),
                    walk.entries(),
                    claim,
                    access.kind() == AccessKind.WRITE);
        }
        return new GuestAccessResult(
                List.of(MonitorAction.HANDLER_INVOKED), perform(access, gcPhys, width, value), Optional.empty());
    }

    private static boolean contains(long[] pages, long page) {
        for (long p : pages) {
            if (p == page) {
                return true;
            }
        }
        return false;
    }

    /** Write-protects the guest's paging structures the walk went through. */
    private void protect(long[] guestTables) {
        for (long table : guestTables) {
            vm.protectGuestTable(table);
        }
    }

    private PhysPage requireMemory(Translated walk, long gcPhys) {
        try {
            PgmGuestMemory memory = vm.guestMemory();
            memory.hostPhysForRead(gcPhys);
            return memory.page(gcPhys);
        } catch (RejectedException notMemory) {
            vm.restore(walk.entries());
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
            return emulated ? List.of(MonitorAction.SYNCED, MonitorAction.EMULATED) : List.of(MonitorAction.SYNCED);
        }
        return emulated
                ? List.of(madeWritable, MonitorAction.SYNCED, MonitorAction.EMULATED)
                : List.of(madeWritable, MonitorAction.SYNCED);
    }

    /** Makes the page writable for a write, and says how (null when it already was). */
    private MonitorAction makeWritable(PhysPage page, long gcPhys, Translated walk) {
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
            vm.restore(walk.entries());
            throw noMemory;
        }
        return action;
    }

    /**
     * Builds the shadow entry for the page from the guest's entries, never broader than they are. A page whose
     * guest leaf entry is not yet dirty is mapped read-only until the guest writes it: that write faults, and
     * the guest's walk for it sets D as the CPU would.
     */
    private void sync(long linear, PhysPage page, List<EntryUse> guest, HandlerState claim, boolean write) {
        long directory = ShadowFlags.directory(guest, vm.guestLegacyPae());
        long table = ShadowFlags.table(guest);
        boolean dirty = write || guest.isEmpty() || (guest.get(guest.size() - 1).value() & ShadowFlags.D) != 0;
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
        return new GuestAccessResult(List.of(MonitorAction.REFLECTED_TO_GUEST), 0, Optional.of(fault));
    }
}
