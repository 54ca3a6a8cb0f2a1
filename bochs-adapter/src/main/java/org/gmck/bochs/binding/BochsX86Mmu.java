package org.gmck.bochs.binding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gmck.bochs.machine.Answers;
import org.gmck.bochs.machine.BatchQuery;
import org.gmck.bochs.machine.Cr3LoadRefusedException;
import org.gmck.bochs.process.BochsNotInstalledException;
import org.gmck.engine.AccessKind;
import org.gmck.engine.EngineX86Mmu;
import org.gmck.engine.MachineFailureException;
import org.gmck.engine.MachineOutcome;
import org.gmck.engine.MachineQuery;
import org.gmck.engine.QueryRejectedException;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.EntryField;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.EntryUse;
import org.gmck.spi.x86.GeneralProtection;
import org.gmck.spi.x86.GpReason;
import org.gmck.spi.x86.PageFault;
import org.gmck.spi.x86.PageSize;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.Rights;
import org.gmck.spi.x86.Translated;
import org.gmck.spi.x86.X86Arguments;
import org.gmck.spi.x86.X86Level;
import org.gmck.spi.x86.X86Mmu;
import org.gmck.spi.x86.X86PagingMode;

/**
 * An {@link X86Mmu} whose accesses run on Bochs. Guest RAM and the loaded registers live here; each
 * {@link #access} hands the whole memory image and the registers to a {@link BochsMachine} and reports what
 * Bochs did:
 * <ul>
 * <li>the outcome (#PF with Bochs's error code and CR2, #GP, or success) and the A/D updates, from the
 * real access;</li>
 * <li>for a success: the physical address from the debugger's own translation ({@code page}); the entries
 * used, from the A bits the access set when they form a whole chain from CR3, otherwise from a second real
 * access with every A bit cleared (Bochs sets A in every entry of a successful walk); the effective rights,
 * from probing accesses (a supervisor write with WP=1, a user read, a supervisor fetch without SMEP, all
 * without SMAP and protection keys), each skipped when the access itself already answered it; the
 * protection key, from bits 62:59 of the leaf.</li>
 * </ul>
 * Questions Bochs's fixed CPU cannot stand for (see {@link BochsAdapter#parameters()}) fail with a message.
 * What the adapter decides itself, without Bochs: input refusals (the SPI's {@link X86Arguments} checks),
 * the #GP outcomes of a register load (from the CPU model Bochs was started with), and accesses with paging
 * off (identity). Implicit supervisor reads are descriptor loads through an LDT placed at the address, made at
 * CPL 0; implicit supervisor writes cannot be made by the harness and fail with a message.
 */
final class BochsX86Mmu extends EngineX86Mmu {

    private static final long A_BIT = EntryFlag.ACCESSED.mask();
    private static final long ADDRESS_52 = EntryField.ADDRESS_64.mask();
    private static final long ADDRESS_32 = EntryField.ADDRESS_32.mask();

    private BochsX86Mmu(CpuModel cpu, long ram) {
        super(cpu, ram);
    }

    static BochsX86Mmu create(CpuModel cpu, long guestRamBytes) {
        X86Arguments.checkCreation(cpu, guestRamBytes);
        return new BochsX86Mmu(cpu, guestRamBytes);
    }

    @Override
    public AccessOutcome access(Access access) {
        return access(access, (q, translate) -> MachinePool.machine().access(q, translate));
    }

    /** The access, its queries answered by {@code answers}. */
    AccessOutcome access(Access access, Answers answers) {
        Optional<AccessOutcome> decided = withoutBochs(access);
        if (decided.isPresent()) {
            return decided.get();
        }
        ControlRegisters r = registers().orElseThrow();
        try {
            return onBochs(r, access, answers);
        } catch (Cr3LoadRefusedException e) {
            throw new BochsUnavailableException(
                    "Bochs cannot be asked this access: " + e.getMessage()
                            + "; its PDPTE registers are profile x86-pdpte-registers, which this adapter does not declare",
                    e);
        } catch (QueryRejectedException e) {
            throw new BochsUnavailableException("Bochs cannot be asked this: " + e.getMessage(), e);
        } catch (MachineFailureException | BochsNotInstalledException e) {
            throw new BochsUnavailableException("Bochs failed: " + e.getMessage(), e);
        }
    }

    /**
     * The queries the access may put to Bochs, so that a batch can run them ahead: the access itself (with its
     * translation), then the probes {@link #entriesUsed} and {@link #rights} may make, each on the memory as it is
     * now. Empty when the access is decided without Bochs (or refused).
     */
    List<BatchQuery> plannedQueries(Access access) {
        try {
            if (withoutBochs(access).isPresent()) {
                return List.of();
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        ControlRegisters r = registers().orElseThrow();
        SortedMap<Long, Long> before = new TreeMap<>(memory());
        long linear = access.linearAddress();
        int cpl = access.privilege() == Privilege.USER ? 3 : 0;
        List<BatchQuery> planned = new ArrayList<>();
        planned.add(new BatchQuery(query(r, cpl, kind(access), linear, r.cr4(), r.cr0(), ac(), before), true, false));
        planned.add(new BatchQuery(
                query(r, cpl, kind(access), linear, r.cr4(), r.cr0(), ac(), withoutAccessedBits(r, before)),
                false,
                true));
        long cr4 = r.cr4() & ~(ControlRegisters.CR4_SMAP | ControlRegisters.CR4_PKE | ControlRegisters.CR4_PKS);
        boolean user = access.privilege() == Privilege.USER;
        boolean write = access.kind() == org.gmck.spi.x86.AccessKind.WRITE
                && access.privilege() != Privilege.IMPLICIT_SUPERVISOR;
        if (!(write && (user || (r.cr0() & ControlRegisters.CR0_WP) != 0))) {
            planned.add(new BatchQuery(
                    query(r, 0, AccessKind.WRITE, linear, cr4, r.cr0() | ControlRegisters.CR0_WP, false, before),
                    false,
                    true));
        }
        if (!user) {
            planned.add(new BatchQuery(query(r, 3, AccessKind.READ, linear, cr4, r.cr0(), false, before), false, true));
        }
        if (access.kind() != org.gmck.spi.x86.AccessKind.FETCH) {
            planned.add(new BatchQuery(
                    query(r, 0, AccessKind.FETCH, linear, cr4 & ~ControlRegisters.CR4_SMEP, r.cr0(), false, before),
                    false,
                    true));
        }
        return planned;
    }

    /** A copy of guest memory (a batch restores it before putting a case again one query at a time). */
    SortedMap<Long, Long> memorySnapshot() {
        return new TreeMap<>(memory());
    }

    void restoreMemory(SortedMap<Long, Long> snapshot) {
        memory().clear();
        memory().putAll(snapshot);
    }

    /** The outcome of an access decided without Bochs (paging off), or empty; throws what the adapter refuses. */
    private Optional<AccessOutcome> withoutBochs(Access access) {
        X86Arguments.checkAccess(access, registers().orElse(null));
        ControlRegisters r = registers().orElseThrow();
        X86PagingMode mode = r.pagingMode();
        if (mode == X86PagingMode.NONE) {
            return Optional.of(new Translated(access.linearAddress(), PageSize.UNPAGED, Rights.ALL, List.of()));
        }
        if (access.privilege() == Privilege.IMPLICIT_SUPERVISOR && access.kind() == org.gmck.spi.x86.AccessKind.WRITE) {
            throw new BochsUnavailableException(
                    "Bochs cannot be asked this: the harness makes implicit supervisor reads "
                            + "(a descriptor load through the LDT) but no implicit supervisor writes",
                    null);
        }
        if (access.privilege() == Privilege.IMPLICIT_SUPERVISOR
                && mode == X86PagingMode.LEVEL4
                && access.linearAddress() >> 47 != 0
                && access.linearAddress() >> 47 != -1) {
            throw new BochsUnavailableException(
                    "Bochs cannot be asked this: the harness's implicit read loads an LDT based at the address, "
                            + "and LLDT refuses a non-canonical base before any access is made",
                    null);
        }
        askable(r).ifPresent(reason -> {
            throw new BochsUnavailableException("Bochs cannot be asked this: " + reason, null);
        });
        return Optional.empty();
    }

    /** Why Bochs's CPU cannot stand for the model under these registers, if it cannot. */
    private Optional<String> askable(ControlRegisters r) {
        Optional<String> width = widthNeutral(r);
        if (width.isPresent()) {
            return width;
        }
        if (r.pagingMode() == X86PagingMode.LEVEL5) {
            return Optional.of("5-level paging: none of Bochs 2.7's CPU models reports LA57");
        }
        if ((r.cr4() & ControlRegisters.CR4_PKS) != 0) {
            return Optional.of("CR4.PKS: none of Bochs 2.7's CPU models reports PKS");
        }
        if (r.pagingMode() == X86PagingMode.LEVEL4 && !cpuModel().has(CpuFeature.PAGE_1GB)) {
            return Optional.of("a CPU model without 1 GB pages: Bochs's model " + BochsCpu.MODEL + " has them");
        }
        if (r.pagingMode() == X86PagingMode.BITS32
                && (r.cr4() & ControlRegisters.CR4_PSE) != 0
                && !cpuModel().has(CpuFeature.PSE36)) {
            return Optional.of("a CPU model without PSE-36: Bochs's model " + BochsCpu.MODEL + " has it");
        }
        return Optional.empty();
    }

    /**
     * Bochs's MAXPHYADDR is 40 whatever the model says. A query is still askable under another width M when
     * no present entry (a memory word with bit 0 set) holds a bit whose meaning differs between the two: in
     * 8-byte entries the bits from
     * min(M, 40) to max(M, 40) - 1; in 32-bit paging, where a 4 MB PDE reserves bits 21:(M'-19) with
     * M' = min(40, M), the bits (M-19) to 20 of a PDE with PS set when M is below 40.
     */
    private Optional<String> widthNeutral(ControlRegisters r) {
        int m = cpuModel().maxPhysAddr();
        int bochs = BochsCpu.MAX_PHYS_ADDR;
        if (m == bochs) {
            return Optional.empty();
        }
        String why = "Bochs 2.7's physical-address width is fixed at " + bochs + " bits and the CPU model's "
                + "MAXPHYADDR is " + m + ": an entry holds a bit whose meaning differs between the two";
        if (r.pagingMode() == X86PagingMode.BITS32) {
            if (m >= bochs || (r.cr4() & ControlRegisters.CR4_PSE) == 0) {
                return Optional.empty();
            }
            long field = (1L << 21) - (1L << (m - 19));
            for (long word : memory().values()) {
                for (long half : new long[] {word & 0xFFFF_FFFFL, word >>> 32}) {
                    if ((half & 1) != 0 && (half & EntryFlag.PAGE_SIZE.mask()) != 0 && (half & field) != 0) {
                        return Optional.of(why);
                    }
                }
            }
            return Optional.empty();
        }
        int lo = Math.min(m, bochs);
        int hi = Math.max(m, bochs);
        long field = (1L << hi) - (1L << lo);
        if ((r.cr3() & field) != 0 || memory().values().stream().anyMatch(w -> (w & 1) != 0 && (w & field) != 0)) {
            return Optional.of(why);
        }
        return Optional.empty();
    }

    private AccessOutcome onBochs(ControlRegisters r, Access access, Answers machine) {
        MachineQuery query = accessQuery(r, access, memory());
        SortedMap<Long, Long> before = new TreeMap<>(memory());
        MachineOutcome main = machine.access(query, true);
        memory().putAll(main.memoryAfter());
        if (main.fault().isPresent()) {
            MachineOutcome.Fault f = main.fault().get();
            if (f.vector() == 14) {
                return new PageFault((int) (long) f.errorCode().orElseThrow(), f.cr2());
            }
            if (f.vector() == 13 && f.errorCode().orElse(-1L) == 0) {
                return new GeneralProtection(GpReason.NON_CANONICAL_ADDRESS);
            }
            throw new MachineFailureException(
                    "Bochs delivered vector " + f.vector() + " with error code "
                            + f.errorCode().map(Long::toHexString).orElse("none") + ", which no paging rule explains",
                    null);
        }
        long physical = main.physical()
                .orElseThrow(() -> new MachineFailureException(
                        "the debugger has no translation for an address the real walk translated", null));
        List<EntryUse> entries = entriesUsed(machine, r, access, before, main.memoryAfter());
        PageSize size = pageSize(r.pagingMode(), entries.size());
        Rights rights = rights(machine, r, access, before, entries);
        return new Translated(physical, size, rights, entries);
    }

    /**
     * The entries the translation used: a second access with every A bit cleared shows which entries Bochs
     * walks (it sets A in each); they are chained from CR3, each in the table the previous one points to.
     * In PAE paging the chain starts at the PDPTE the address selects.
     */
    private List<EntryUse> entriesUsed(
            Answers machine,
            ControlRegisters r,
            Access access,
            SortedMap<Long, Long> before,
            SortedMap<Long, Long> after) {
        // Bochs sets A in every entry of a successful walk: when none of them had A before, the access
        // itself shows the whole chain.
        Optional<List<EntryUse>> seen = chain(r, access, before, before, after);
        if (seen.isPresent() && complete(r, seen.get())) {
            return seen.get();
        }
        SortedMap<Long, Long> probe = withoutAccessedBits(r, before);
        MachineOutcome o = machine.access(accessQuery(r, access, probe), false);
        if (o.fault().isPresent()) {
            throw new MachineFailureException(
                    "the same access with A bits cleared faulted: " + o.fault().get(), null);
        }
        return chain(r, access, before, probe, o.memoryAfter())
                .orElseThrow(() ->
                        new MachineFailureException("Bochs set A bits outside one chain of entries from CR3", null));
    }

    /** The memory with every accessed flag cleared (both halves of a word under 32-bit paging). */
    private static SortedMap<Long, Long> withoutAccessedBits(ControlRegisters r, SortedMap<Long, Long> before) {
        SortedMap<Long, Long> probe = new TreeMap<>();
        long aMask = r.pagingMode().entryBytes() == 4 ? A_BIT | A_BIT << 32 : A_BIT;
        before.forEach((a, v) -> probe.put(a, v & ~aMask));
        return probe;
    }

    /** Whether a chain ends in a leaf: a PTE, or an entry that maps a page with PS. */
    private static boolean complete(ControlRegisters r, List<EntryUse> chain) {
        X86PagingMode mode = r.pagingMode();
        if (chain.size() == mode.levels().size()) {
            return true;
        }
        EntryUse last = chain.get(chain.size() - 1);
        boolean ps = (last.value() & EntryFlag.PAGE_SIZE.mask()) != 0;
        return switch (last.level()) {
            case PD -> ps && (mode != X86PagingMode.BITS32 || (r.cr4() & ControlRegisters.CR4_PSE) != 0);
            case PDPT -> ps && r.lma();
            default -> false;
        };
    }

    /**
     * The entries whose A bit went from clear ({@code probe}) to set ({@code after}), chained from CR3, each in
     * the table the previous one points to, with their values in {@code before}; in PAE paging the chain
     * starts at the PDPTE the address selects. Empty if some A bit was set outside one chain.
     */
    private static Optional<List<EntryUse>> chain(
            ControlRegisters r,
            Access access,
            SortedMap<Long, Long> before,
            SortedMap<Long, Long> probe,
            SortedMap<Long, Long> after) {
        X86PagingMode mode = r.pagingMode();
        int width = mode.entryBytes();
        long aMask = width == 4 ? A_BIT | A_BIT << 32 : A_BIT;
        Map<Long, Long> walked = new TreeMap<>();
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            long set = e.getValue() & ~probe.getOrDefault(e.getKey(), 0L) & aMask;
            for (int half = 0; half < 8; half += width) {
                if ((set >>> (8 * half) & A_BIT) != 0) {
                    walked.put(e.getKey() + half, entryValue(before, e.getKey() + half, width));
                }
            }
        }
        List<X86Level> levels = mode.levels();
        List<EntryUse> chain = new ArrayList<>();
        long next;
        if (mode == X86PagingMode.PAE) {
            long pdpte = EntryField.PAE_PDPT_IN_CR3.of(r.cr3()) + 8 * (access.linearAddress() >>> 30 & 3);
            walked.remove(pdpte);
            long value = entryValue(before, pdpte, 8);
            chain.add(new EntryUse(X86Level.PDPT, pdpte, value));
            next = value & ADDRESS_52;
        } else {
            next = r.cr3() & (width == 4 ? ADDRESS_32 : ADDRESS_52);
        }
        while (chain.size() < levels.size()) {
            long table = next;
            Optional<Long> hit = walked.keySet().stream()
                    .filter(a -> a >= table && a < table + 0x1000)
                    .findFirst();
            if (hit.isEmpty()) {
                break;
            }
            long value = walked.remove(hit.get());
            chain.add(new EntryUse(levels.get(chain.size()), hit.get(), value));
            next = value & (width == 4 ? ADDRESS_32 : ADDRESS_52);
        }
        if (!walked.isEmpty() || chain.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(chain);
    }

    private static long entryValue(Map<Long, Long> image, long address, int width) {
        long word = image.getOrDefault(address & ~7L, 0L);
        return width == 8 ? word : word >>> (8 * (address & 4)) & 0xFFFF_FFFFL;
    }

    private static PageSize pageSize(X86PagingMode mode, int used) {
        int missing = mode.levels().size() - used;
        return switch (missing) {
            case 0 -> PageSize.SIZE_4K;
            case 1 -> mode == X86PagingMode.BITS32 ? PageSize.SIZE_4M : PageSize.SIZE_2M;
            case 2 -> PageSize.SIZE_1G;
            default ->
                throw new MachineFailureException(
                        "a walk of " + used + " entries in " + mode + " maps no page size", null);
        };
    }

    /** Effective rights by probing: each probe runs on the memory as it was before the access. */
    private Rights rights(
            Answers machine, ControlRegisters r, Access access, SortedMap<Long, Long> before, List<EntryUse> entries) {
        long linear = access.linearAddress();
        boolean byUser = access.privilege() == Privilege.USER;
        org.gmck.spi.x86.AccessKind kind = access.kind();
        boolean userAccess = byUser;
        boolean writeAccess =
                kind == org.gmck.spi.x86.AccessKind.WRITE && access.privilege() != Privilege.IMPLICIT_SUPERVISOR;
        boolean fetchAccess = kind == org.gmck.spi.x86.AccessKind.FETCH;
        long cr4 = r.cr4() & ~(ControlRegisters.CR4_SMAP | ControlRegisters.CR4_PKE | ControlRegisters.CR4_PKS);
        // A probe whose answer the access itself already gave (it succeeded under rules at least as strict)
        // is not asked again: a successful write (by the user, or with WP=1) shows the page writable, a
        // successful user access shows it user-accessible, a successful fetch shows it executable.
        boolean wp = (r.cr0() & ControlRegisters.CR0_WP) != 0;
        boolean writable = writeAccess && (userAccess || wp)
                || succeeds(
                        machine,
                        query(r, 0, AccessKind.WRITE, linear, cr4, r.cr0() | ControlRegisters.CR0_WP, false, before));
        boolean user =
                userAccess || succeeds(machine, query(r, 3, AccessKind.READ, linear, cr4, r.cr0(), false, before));
        boolean executable = fetchAccess
                || succeeds(
                        machine,
                        query(
                                r,
                                0,
                                AccessKind.FETCH,
                                linear,
                                cr4 & ~ControlRegisters.CR4_SMEP,
                                r.cr0(),
                                false,
                                before));
        boolean keys = r.lma() && (r.cr4() & (ControlRegisters.CR4_PKE | ControlRegisters.CR4_PKS)) != 0;
        int key = keys
                ? (int) EntryField.PROTECTION_KEY.valueOf(
                        entries.get(entries.size() - 1).value())
                : 0;
        return new Rights(writable, user, executable, key);
    }

    private static boolean succeeds(Answers machine, MachineQuery q) {
        MachineOutcome o = machine.access(q, false);
        if (o.fault().isPresent() && o.fault().get().vector() != 14) {
            throw new MachineFailureException(
                    "a rights probe raised vector " + o.fault().get().vector(), null);
        }
        return o.fault().isEmpty();
    }
}
