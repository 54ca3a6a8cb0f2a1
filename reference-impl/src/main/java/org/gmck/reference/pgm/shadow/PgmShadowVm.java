package org.gmck.reference.pgm.shadow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import org.gmck.reference.pgm.Cr3Rules;
import org.gmck.reference.pgm.GuestModeDecoder;
import org.gmck.reference.pgm.ShadowModeMatrix;
import org.gmck.reference.pgm.phys.HostPagePool;
import org.gmck.reference.pgm.phys.PageChangeListener;
import org.gmck.reference.pgm.phys.PgmGuestMemory;
import org.gmck.reference.pgm.phys.PhysAddress;
import org.gmck.reference.x86.ReferenceX86Mmu;
import org.gmck.reference.x86.WalkTrace;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.GuestMode;
import org.gmck.spi.pgm.ModeStatus;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.PhysStatus;
import org.gmck.spi.pgm.shadow.GuestAccessResult;
import org.gmck.spi.pgm.shadow.ShadowTranslation;
import org.gmck.spi.pgm.shadow.ShadowVm;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.EntryUse;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.Translated;
import org.gmck.spi.x86.X86Level;
import org.gmck.spi.x86.X86Status;

/**
 * A VM whose guest runs on shadow tables. Two x86 MMUs do the walking: the guest's, over guest physical
 * memory and the guest's own tables, and the host CPU's, over the shadow tables in host memory. A guest
 * access runs on the host CPU's; when that faults, the monitor's fault handler decides.
 */
public final class PgmShadowVm implements ShadowVm, PageChangeListener {

    /**
     * The most host pages a shadow VM may have, the SPI's documented limit: its pages must stay below 4 GiB
     * for every shadow mode.
     */
    public static final long MAX_HOST_PAGES = GuestMemoryFactory.MAX_SHADOW_VM_HOST_PAGES;

    /**
     * The CPU the guest sees. It has neither 5-level paging nor protection keys, which shadow paging does not
     * model: a guest setting CR4.LA57, PKE or PKS takes the #GP such a CPU raises.
     */
    static final CpuModel GUEST_CPU =
            CpuModel.of(52, CpuFeature.NX, CpuFeature.PAGE_1GB, CpuFeature.SMEP, CpuFeature.SMAP);

    private static final CpuModel HOST_CPU = CpuModel.of(40, CpuFeature.NX, CpuFeature.SMEP, CpuFeature.SMAP);
    private static final long GUEST_RAM = 1L << 52;
    private static final long HOST_RAM = 1L << 32;
    private static final long CR4_PASSED_ON = ControlRegisters.CR4_SMEP | ControlRegisters.CR4_SMAP;

    private final PagingMode host;
    private final ReferenceX86Mmu guestMmu;
    private final ReferenceX86Mmu hostMmu;
    private final PgmGuestMemory memory;
    private final ShadowTables tables;
    /** The guest pages known to hold the guest's paging structures (write-protected in the shadow). */
    private final PageSet guestTables = new PageSet();

    private final MonitorFaultHandler handler;
    /** The walk {@link #guestTranslation} makes, kept apart from the fault handler's. */
    private final WalkTrace translationWalk = new WalkTrace();

    private GuestMode guestMode = GuestMode.REAL;
    private PagingMode shadowMode;
    private ControlRegisters guestRegisters = new ControlRegisters(0, 0, 0, 0);
    private AccessInterceptor interceptor = AccessInterceptor.NONE;

    public PgmShadowVm(PagingMode host, long hostPages) {
        this.host = host;
        this.guestMmu = ReferenceX86Mmu.create(GUEST_CPU, GUEST_RAM);
        this.hostMmu = ReferenceX86Mmu.create(HOST_CPU, HOST_RAM);
        this.memory = new PgmGuestMemory(new HostPagePool(hostPages), new GuestView(guestMmu));
        this.tables = new ShadowTables(hostMmu, ShadowPool.BASE, new PoolTracking.Words() {
            @Override
            public int get(long gcPhysPage) {
                return memory.tracking(gcPhysPage);
            }

            @Override
            public int pteIndex(long gcPhysPage) {
                return memory.pteIndex(gcPhysPage);
            }

            @Override
            public void set(long gcPhysPage, int word, int pteIndex) {
                memory.setTracking(gcPhysPage, word, pteIndex);
            }
        });
        this.handler = new MonitorFaultHandler(this);
        this.shadowMode = ShadowModeMatrix.shadowMode(host, guestMode);
        guestMmu.loadControlRegisters(guestRegisters);
        memory.listen(this);
        flush();
    }

    /** Sets who claims guest accesses (the access handlers). */
    public void intercept(AccessInterceptor handlers) {
        this.interceptor = handlers;
    }

    /**
     * The guest physical page the guest's current tables map the page of {@code linear} to, walked as a
     * supervisor read that leaves the guest's A flags as they were; the tables walked become write-protected
     * so that the guest changing them is seen. Empty when the guest maps no RAM there.
     */
    public OptionalLong guestTranslation(long linear) {
        if (!guestMode.paging()) {
            return OptionalLong.of(PhysAddress.pageOf(linear));
        }
        WalkTrace walk = translationWalk;
        WalkTrace.Ending ending = guestMmu.walk(new Access(linear, AccessKind.READ, Privilege.SUPERVISOR), walk);
        if (ending == WalkTrace.Ending.PAGE_FAULT) {
            // A supervisor read of a user page faults with CR4.SMAP set; as a user read it walks.
            ending = guestMmu.walk(new Access(linear, AccessKind.READ, Privilege.USER), walk);
        }
        if (ending != WalkTrace.Ending.TRANSLATED) {
            return OptionalLong.empty();
        }
        restore(walk);
        protectGuestTables(walk);
        return OptionalLong.of(PhysAddress.pageOf(walk.physicalAddress()));
    }

    @Override
    public GuestPhysicalMemory memory() {
        return memory;
    }

    @Override
    public PagingMode hostMode() {
        return host;
    }

    @Override
    public GuestMode guestMode() {
        return guestMode;
    }

    @Override
    public PagingMode shadowMode() {
        return shadowMode;
    }

    @Override
    public LoadOutcome loadControlRegisters(ControlRegisters registers) {
        if (registers == null) {
            throw new RejectedException(ModeStatus.INCONSISTENT_CONTROL_REGISTERS, "no registers to load");
        }
        GuestMode mode = GuestModeDecoder.decode(registers);
        if (mode.paging()) {
            long table = Cr3Rules.guestTableAddress(mode, registers.cr3());
            memory.hostPhysForRead(table);
        }
        LoadOutcome outcome = guestMmu.loadControlRegisters(registers);
        if (outcome instanceof Loaded) {
            guestRegisters = registers;
            guestMode = mode;
            shadowMode = ShadowModeMatrix.shadowMode(host, mode);
            flush();
        }
        return outcome;
    }

    @Override
    public GuestAccessResult access(long linearAddress, AccessKind kind, Privilege privilege, int width, long value) {
        if (width != 1 && width != 2 && width != 4 && width != 8 || (linearAddress & width - 1) != 0) {
            throw new RejectedException(
                    PhysStatus.VERR_PGM_PHYS_MISALIGNED_ACCESS,
                    String.format(
                            "a guest access must be 1, 2, 4 or 8 bytes wide and aligned to its width: %d bytes at %#x",
                            width, linearAddress));
        }
        if (kind == null || privilege == null) {
            throw new RejectedException(X86Status.INVALID_ACCESS, "a guest access needs a kind and a privilege");
        }
        return handler.run(new Access(linearAddress, kind, privilege), width, value);
    }

    @Override
    public void invalidatePage(long linearAddress) {
        if (shadowHolds(linearAddress)) {
            tables.unmap(linearAddress);
        }
    }

    /**
     * Whether the shadow tables can hold {@code linear} at all: 32 bits in a 32-bit or PAE shadow, a canonical
     * 48-bit address in an AMD64 one. Their indexes ignore the bits above, so any other address would alias one
     * they do hold; the shadow holds nothing for it.
     */
    private boolean shadowHolds(long linear) {
        long top = linear >> 47;
        return shadowMode == PagingMode.AMD64 ? top == 0 || top == -1 : linear >>> 32 == 0;
    }

    @Override
    public void syncCr3() {
        flush();
    }

    @Override
    public Optional<ShadowTranslation> shadowTranslation(long linearAddress) {
        if (!shadowHolds(linearAddress) || tables.guestPage(linearAddress).isEmpty()) {
            return Optional.empty();
        }
        AccessOutcome probe = onShadow(new Access(linearAddress, AccessKind.READ, Privilege.SUPERVISOR));
        if (!(probe instanceof Translated t)) {
            return Optional.empty();
        }
        List<Long> entries = new ArrayList<>();
        for (EntryUse e : t.entries()) {
            entries.add(e.value());
        }
        return Optional.of(new ShadowTranslation(
                t.physicalAddress(),
                t.rights().writable(),
                t.rights().user(),
                t.rights().executable(),
                entries));
    }

    @Override
    public List<Long> guestPagingStructurePages() {
        return LongStream.of(guestTables.sorted()).boxed().toList();
    }

    @Override
    public void backingChanged(long gcPhysPage) {
        tables.unmapGuestPage(gcPhysPage);
    }

    @Override
    public void written(long gcPhys) {
        if (guestTables.contains(PhysAddress.pageOf(gcPhys))) {
            flush();
            interceptor.guestTablesChanged();
        }
    }

    // --- for the fault handler ---

    AccessInterceptor interceptor() {
        return interceptor;
    }

    /** The guest physical memory with PGM's own operations on it. */
    public PgmGuestMemory guestMemory() {
        return memory;
    }

    ShadowTables tables() {
        return tables;
    }

    /**
     * Walks the guest's own tables for an access (setting the guest's A and D flags when it succeeds), into
     * {@code into}.
     */
    WalkTrace.Ending walkGuestTables(Access access, WalkTrace into) {
        return guestMmu.walk(access, into);
    }

    /**
     * Runs an access on the shadow tables. The host CPU loads the shadow's registers again only when the tables'
     * upper entries changed since it last did, or the tables were reset: the registers follow from the guest's
     * registers, the shadow mode and the root table, none of which changes without a reset, and loading the same
     * registers over the same upper entries gives the same state.
     */
    AccessOutcome onShadow(Access access) {
        loadShadowRegisters();
        return hostMmu.access(access);
    }

    /** Whether an access runs on the shadow tables without a fault: {@link #onShadow}, with no outcome built. */
    boolean translatesOnShadow(Access access) {
        loadShadowRegisters();
        return hostMmu.translates(access);
    }

    private void loadShadowRegisters() {
        if (tables.upperChanged()) {
            hostMmu.loadControlRegisters(shadowRegisters());
        }
    }

    /**
     * Puts back guest entries a walk updated, for an access that is then refused. A walk sets only A and D, in
     * the low 32 bits of every entry; a legacy-PAE PDPTE it took from the registers CR3 loaded, and memory may
     * hold a newer one since.
     */
    void restore(WalkTrace walk) {
        for (int i = 0; i < walk.entries(); i++) {
            if (!(guestMode.legacyPae() && walk.level(i) == X86Level.PDPT)) {
                guestMmu.writePhysical32(walk.address(i), (int) walk.value(i));
            }
        }
    }

    /** Write-protects the guest's paging structures a walk went through. */
    void protectGuestTables(WalkTrace walk) {
        for (int i = 0; i < walk.entries(); i++) {
            protectGuestTable(PhysAddress.pageOf(walk.address(i)));
        }
    }

    /** Write-protects a guest page that holds a guest paging structure: no shadow entry may map it writable. */
    private void protectGuestTable(long gcPhysPage) {
        if (guestTables.add(gcPhysPage)) {
            tables.unmapGuestPage(gcPhysPage);
        }
    }

    boolean isGuestTable(long gcPhysPage) {
        return guestTables.contains(gcPhysPage);
    }

    boolean guestLegacyPae() {
        return guestMode.legacyPae();
    }

    OptionalLong mappedGuestPage(long linear) {
        return tables.guestPage(linear);
    }

    private void flush() {
        guestTables.clear();
        tables.reset(shadowMode);
    }

    private ControlRegisters shadowRegisters() {
        long cr0 = ControlRegisters.CR0_PE | ControlRegisters.CR0_PG | ControlRegisters.CR0_WP;
        long cr4 = guestRegisters.cr4() & CR4_PASSED_ON;
        // The host CPU has NX: its shadow honours the XD bits copied from a guest that uses them.
        long efer = shadowMode != PagingMode.BITS32 ? ControlRegisters.EFER_NXE : 0;
        if (shadowMode != PagingMode.BITS32) {
            cr4 |= ControlRegisters.CR4_PAE;
        }
        if (shadowMode == PagingMode.AMD64) {
            efer |= ControlRegisters.EFER_LME | ControlRegisters.EFER_LMA;
        }
        return new ControlRegisters(cr0, Cr3Rules.cr3For(shadowMode, tables.root()), cr4, efer);
    }
}
