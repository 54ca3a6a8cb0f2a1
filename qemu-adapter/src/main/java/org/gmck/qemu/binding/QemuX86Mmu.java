package org.gmck.qemu.binding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gmck.engine.AccessKind;
import org.gmck.engine.EngineX86Mmu;
import org.gmck.engine.MachineFailureException;
import org.gmck.engine.MachineOutcome;
import org.gmck.engine.MachineQuery;
import org.gmck.engine.QueryRejectedException;
import org.gmck.qemu.process.QemuNotInstalledException;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.ControlRegisters;
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
 * An {@link X86Mmu} whose accesses run on QEMU. Guest RAM and the loaded registers live here; each
 * {@link #access} hands the whole memory image and the registers to a {@link QemuMachine} and reports what
 * QEMU did:
 * <ul>
 * <li>the outcome (#PF with QEMU's error code and CR2, #GP, or success) and the A/D updates, from the
 * real access;</li>
 * <li>for a success: the physical address from QEMU's debug walker; the entries used, from a second real
 * access with every A bit cleared (the entries QEMU sets A in, chained from CR3); the effective rights,
 * from three probing accesses (a supervisor write with WP=1, a user read, a supervisor fetch without SMEP,
 * all without SMAP and protection keys); the protection key, from bits 62:59 of the leaf.</li>
 * </ul>
 * What the adapter decides itself, without QEMU: input refusals (the SPI's {@link X86Arguments} checks),
 * the #GP outcomes of a register load (from the CPU model QEMU was started with), and accesses with paging
 * off (identity). Implicit supervisor reads are descriptor loads through an LDT placed at the address, made at
 * CPL 0; implicit supervisor writes cannot be made by the harness and fail with a message.
 */
final class QemuX86Mmu extends EngineX86Mmu {

    private static final long A_BIT = EntryFlag.ACCESSED.mask();
    private static final long ADDRESS_52 = EntryField.ADDRESS_64.mask();
    private static final long ADDRESS_32 = EntryField.ADDRESS_32.mask();

    private QemuX86Mmu(CpuModel cpu, long ram) {
        super(cpu, ram);
    }

    static QemuX86Mmu create(CpuModel cpu, long guestRamBytes) {
        X86Arguments.checkCreation(cpu, guestRamBytes);
        return new QemuX86Mmu(cpu, guestRamBytes);
    }

    @Override
    public AccessOutcome access(Access access) {
        X86Arguments.checkAccess(access, registers().orElse(null));
        ControlRegisters r = registers().orElseThrow();
        X86PagingMode mode = r.pagingMode();
        if (mode == X86PagingMode.NONE) {
            return new Translated(access.linearAddress(), PageSize.UNPAGED, Rights.ALL, List.of());
        }
        if (access.privilege() == Privilege.IMPLICIT_SUPERVISOR && access.kind() == org.gmck.spi.x86.AccessKind.WRITE) {
            throw new QemuUnavailableException(
                    "QEMU cannot be asked this: the harness makes implicit supervisor reads "
                            + "(a descriptor load through the LDT) but no implicit supervisor writes",
                    null);
        }
        try {
            return onQemu(r, access);
        } catch (QueryRejectedException e) {
            throw new QemuUnavailableException("QEMU cannot be asked this: " + e.getMessage(), e);
        } catch (MachineFailureException | QemuNotInstalledException e) {
            throw new QemuUnavailableException("QEMU failed: " + e.getMessage(), e);
        }
    }

    private AccessOutcome onQemu(ControlRegisters r, Access access) {
        MachineAccess machine = MachinePool.access(cpuModel(), ram());
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
                    "QEMU delivered vector " + f.vector() + " with error code "
                            + f.errorCode().map(Long::toHexString).orElse("none") + ", which no paging rule explains",
                    null);
        }
        long physical = main.physical()
                .orElseThrow(() -> new MachineFailureException(
                        "QEMU's debug walker has no mapping for an address its real walk translated", null));
        machine.expect(followUps(r, access, before));
        List<EntryUse> entries = entriesUsed(machine, r, access, before);
        PageSize size = pageSize(r.pagingMode(), entries.size());
        Rights rights = rights(machine, r, access.linearAddress(), before, entries);
        return new Translated(physical, size, rights, entries);
    }

    /** The queries a successful access asks next: the walk with A bits cleared, then the three rights probes. */
    private List<MachineQuery> followUps(ControlRegisters r, Access access, SortedMap<Long, Long> before) {
        List<MachineQuery> next = new ArrayList<>();
        next.add(probeQuery(r, access, before));
        next.addAll(rightsProbes(r, access.linearAddress(), before));
        return next;
    }

    private MachineQuery probeQuery(ControlRegisters r, Access access, SortedMap<Long, Long> before) {
        int width = r.pagingMode().entryBytes();
        SortedMap<Long, Long> probe = new TreeMap<>();
        long aMask = width == 4 ? A_BIT | A_BIT << 32 : A_BIT;
        before.forEach((a, v) -> probe.put(a, v & ~aMask));
        return accessQuery(r, access, probe);
    }

    /** The rights probes: a supervisor write with WP=1, a user read, a supervisor fetch without SMEP. */
    private List<MachineQuery> rightsProbes(ControlRegisters r, long linear, SortedMap<Long, Long> before) {
        long cr4 = r.cr4() & ~(ControlRegisters.CR4_SMAP | ControlRegisters.CR4_PKE | ControlRegisters.CR4_PKS);
        return List.of(
                query(r, 0, AccessKind.WRITE, linear, cr4, r.cr0() | ControlRegisters.CR0_WP, false, before),
                query(r, 3, AccessKind.READ, linear, cr4, r.cr0(), false, before),
                query(r, 0, AccessKind.FETCH, linear, cr4 & ~ControlRegisters.CR4_SMEP, r.cr0(), false, before));
    }

    /**
     * The entries the translation used: a second access with every A bit cleared shows which entries QEMU
     * walks (it sets A in each); they are chained from CR3, each in the table the previous one points to.
     * In PAE paging the chain starts at the PDPTE the address selects.
     */
    private List<EntryUse> entriesUsed(
            MachineAccess machine, ControlRegisters r, Access access, SortedMap<Long, Long> before) {
        X86PagingMode mode = r.pagingMode();
        int width = mode.entryBytes();
        long aMask = width == 4 ? A_BIT | A_BIT << 32 : A_BIT;
        MachineQuery probeQuery = probeQuery(r, access, before);
        SortedMap<Long, Long> probe = probeQuery.memory();
        MachineOutcome o = machine.access(probeQuery, false);
        if (o.fault().isPresent()) {
            throw new MachineFailureException(
                    "the same access with A bits cleared faulted: " + o.fault().get(), null);
        }
        Map<Long, Long> walked = new TreeMap<>();
        for (Map.Entry<Long, Long> e : o.memoryAfter().entrySet()) {
            long set = e.getValue() & ~probe.get(e.getKey()) & aMask;
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
        while (true) {
            long table = next;
            Optional<Long> hit = walked.keySet().stream()
                    .filter(a -> a >= table && a < table + 0x1000)
                    .findFirst();
            if (hit.isEmpty() || chain.size() >= levels.size()) {
                break;
            }
            long value = walked.remove(hit.get());
            chain.add(new EntryUse(levels.get(chain.size()), hit.get(), value));
            next = value & (width == 4 ? ADDRESS_32 : ADDRESS_52);
        }
        if (!walked.isEmpty() || chain.isEmpty()) {
            throw new MachineFailureException(
                    "QEMU set A bits outside one chain of entries from CR3: chain " + chain + ", left over "
                            + walked.keySet().stream().map(Long::toHexString).toList(),
                    null);
        }
        return chain;
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
            MachineAccess machine,
            ControlRegisters r,
            long linear,
            SortedMap<Long, Long> before,
            List<EntryUse> entries) {
        List<MachineQuery> probes = rightsProbes(r, linear, before);
        boolean writable = succeeds(machine, probes.get(0));
        boolean user = succeeds(machine, probes.get(1));
        boolean executable = succeeds(machine, probes.get(2));
        boolean keys = r.lma() && (r.cr4() & (ControlRegisters.CR4_PKE | ControlRegisters.CR4_PKS)) != 0;
        int key = keys
                ? (int) EntryField.PROTECTION_KEY.valueOf(
                        entries.get(entries.size() - 1).value())
                : 0;
        return new Rights(writable, user, executable, key);
    }

    private static boolean succeeds(MachineAccess machine, MachineQuery q) {
        MachineOutcome o = machine.access(q, false);
        if (o.fault().isPresent() && o.fault().get().vector() != 14) {
            throw new MachineFailureException(
                    "a rights probe raised vector " + o.fault().get().vector(), null);
        }
        return o.fault().isEmpty();
    }
}
