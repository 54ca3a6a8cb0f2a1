package org.gmck.qemu.binding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gmck.qemu.machine.AccessKind;
import org.gmck.qemu.machine.MachineFailureException;
import org.gmck.qemu.machine.MachineOutcome;
import org.gmck.qemu.machine.MachineQuery;
import org.gmck.qemu.machine.PagingMode;
import org.gmck.qemu.machine.QemuMachine;
import org.gmck.qemu.machine.QueryRejectedException;
import org.gmck.qemu.process.QemuNotInstalledException;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuModel;
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
import org.gmck.spi.x86.X86Status;

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
 * What the adapter decides itself, without QEMU: input refusals (the SPI's {@link X86Status} checks),
 * the #GP outcomes of a register load (from the CPU model QEMU was started with), and accesses with paging
 * off (identity). Implicit supervisor reads are descriptor loads through an LDT placed at the address, made at
 * CPL 0; implicit supervisor writes cannot be made by the harness and fail with a message.
 */
final class QemuX86Mmu implements X86Mmu {

    private static final long RFLAGS_AC = 1L << 18;
    private static final long A_BIT = 0x20;
    private static final long ADDRESS_52 = 0x000F_FFFF_FFFF_F000L;

    private final CpuModel cpu;
    private final long ram;
    private final SortedMap<Long, Long> memory = new TreeMap<>();
    private final RegisterRules rules;
    private Optional<ControlRegisters> registers = Optional.empty();
    private boolean ac;
    private int pkru;
    private int pkrs;

    private QemuX86Mmu(CpuModel cpu, long ram) {
        this.cpu = cpu;
        this.ram = ram;
        this.rules = new RegisterRules(cpu);
    }

    static QemuX86Mmu create(CpuModel cpu, long guestRamBytes) {
        if (cpu == null || cpu.maxPhysAddr() < 32 || cpu.maxPhysAddr() > 52) {
            throw new RejectedException(X86Status.INVALID_CPU_MODEL, "MAXPHYADDR must lie in 32..52: " + cpu);
        }
        if (guestRamBytes <= 0 || (guestRamBytes & 0xFFF) != 0 || (guestRamBytes - 1) >>> cpu.maxPhysAddr() != 0) {
            throw new RejectedException(
                    X86Status.INVALID_GUEST_RAM,
                    String.format(
                            "guest RAM of %#x bytes is not a positive multiple of 4 KiB within MAXPHYADDR %d",
                            guestRamBytes, cpu.maxPhysAddr()));
        }
        return new QemuX86Mmu(cpu, guestRamBytes);
    }

    @Override
    public CpuModel cpuModel() {
        return cpu;
    }

    private void check(long address, int width) {
        if ((address & (width - 1)) != 0) {
            throw new RejectedException(
                    X86Status.MISALIGNED_PHYSICAL_ACCESS,
                    String.format("a %d-byte access at %#x is not naturally aligned", width, address));
        }
        if (address < 0 || address > ram - width) {
            throw new RejectedException(
                    X86Status.OUTSIDE_GUEST_RAM, String.format("%#x lies outside guest RAM [0, %#x)", address, ram));
        }
    }

    @Override
    public void writePhysical64(long physicalAddress, long value) {
        check(physicalAddress, 8);
        memory.put(physicalAddress, value);
    }

    @Override
    public long readPhysical64(long physicalAddress) {
        check(physicalAddress, 8);
        return memory.getOrDefault(physicalAddress, 0L);
    }

    @Override
    public void writePhysical32(long physicalAddress, int value) {
        check(physicalAddress, 4);
        long word = memory.getOrDefault(physicalAddress & ~7L, 0L);
        int shift = (int) (physicalAddress & 4) * 8;
        memory.put(physicalAddress & ~7L, word & ~(0xFFFF_FFFFL << shift) | Integer.toUnsignedLong(value) << shift);
    }

    @Override
    public int readPhysical32(long physicalAddress) {
        check(physicalAddress, 4);
        return (int) (memory.getOrDefault(physicalAddress & ~7L, 0L) >>> ((physicalAddress & 4) * 8));
    }

    @Override
    public LoadOutcome loadControlRegisters(ControlRegisters r) {
        Optional<GpReason> gp = rules.check(r, registers);
        if (r.pagingMode() == X86PagingMode.PAE && (r.cr3() & 0xFFFF_FFE0L) + 32 > ram) {
            throw new RejectedException(
                    X86Status.OUTSIDE_GUEST_RAM,
                    String.format("the PDPTEs at %#x lie outside guest RAM [0, %#x)", r.cr3() & 0xFFFF_FFE0L, ram));
        }
        if (gp.isPresent()) {
            return new GeneralProtection(gp.get());
        }
        registers = Optional.of(r);
        return new Loaded(r.pagingMode());
    }

    @Override
    public void setRflags(long rflags) {
        ac = (rflags & RFLAGS_AC) != 0;
    }

    @Override
    public void setPkru(int value) {
        pkru = value;
    }

    @Override
    public void setPkrs(int value) {
        pkrs = value;
    }

    @Override
    public AccessOutcome access(Access access) {
        ControlRegisters r = registers.orElseThrow(() -> new RejectedException(
                X86Status.NO_REGISTERS_LOADED, "load the control registers before the first access"));
        X86PagingMode mode = r.pagingMode();
        boolean ia32e = (r.efer() & ControlRegisters.EFER_LMA) != 0;
        if (!ia32e && access.linearAddress() >>> 32 != 0) {
            throw new RejectedException(
                    X86Status.LINEAR_ADDRESS_TOO_WIDE,
                    String.format("%#x does not fit the 32-bit linear addresses of %s", access.linearAddress(), mode));
        }
        if (access.privilege() == Privilege.IMPLICIT_SUPERVISOR && access.kind() == org.gmck.spi.x86.AccessKind.FETCH) {
            throw new RejectedException(X86Status.INVALID_ACCESS, "an implicit supervisor access is never a fetch");
        }
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
        QemuMachine machine = MachinePool.machine(cpu, ram);
        MachineQuery query = query(
                r,
                access.privilege() == Privilege.USER ? 3 : 0,
                kind(access),
                access.linearAddress(),
                r.cr4(),
                r.cr0(),
                ac,
                memory);
        SortedMap<Long, Long> before = new TreeMap<>(memory);
        MachineOutcome main = machine.access(query, true);
        memory.putAll(main.memoryAfter());
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
        List<EntryUse> entries = entriesUsed(machine, r, access, before);
        PageSize size = pageSize(r.pagingMode(), entries.size());
        Rights rights = rights(machine, r, access.linearAddress(), before, entries);
        return new Translated(physical, size, rights, entries);
    }

    private MachineQuery query(
            ControlRegisters r,
            int cpl,
            AccessKind kind,
            long linear,
            long cr4,
            long cr0,
            boolean acFlag,
            SortedMap<Long, Long> image) {
        boolean pke = (cr4 & ControlRegisters.CR4_PKE) != 0;
        boolean pks = (cr4 & ControlRegisters.CR4_PKS) != 0;
        return new MachineQuery(
                machineMode(r.pagingMode()),
                r.cr3(),
                (cr0 & ControlRegisters.CR0_WP) != 0,
                (cr4 & ControlRegisters.CR4_PSE) != 0,
                (r.efer() & ControlRegisters.EFER_NXE) != 0,
                (cr4 & ControlRegisters.CR4_SMEP) != 0,
                (cr4 & ControlRegisters.CR4_SMAP) != 0,
                pke,
                pkru,
                pks,
                pkrs,
                acFlag,
                cpl,
                kind,
                linear,
                image);
    }

    /**
     * The entries the translation used: a second access with every A bit cleared shows which entries QEMU
     * walks (it sets A in each); they are chained from CR3, each in the table the previous one points to.
     * In PAE paging the chain starts at the PDPTE the address selects.
     */
    private List<EntryUse> entriesUsed(
            QemuMachine machine, ControlRegisters r, Access access, SortedMap<Long, Long> before) {
        X86PagingMode mode = r.pagingMode();
        int width = mode == X86PagingMode.BITS32 ? 4 : 8;
        SortedMap<Long, Long> probe = new TreeMap<>();
        long aMask = width == 4 ? A_BIT | A_BIT << 32 : A_BIT;
        before.forEach((a, v) -> probe.put(a, v & ~aMask));
        MachineOutcome o = machine.access(
                query(
                        r,
                        access.privilege() == Privilege.USER ? 3 : 0,
                        kind(access),
                        access.linearAddress(),
                        r.cr4(),
                        r.cr0(),
                        ac,
                        probe),
                false);
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
        List<X86Level> levels = levels(mode);
        List<EntryUse> chain = new ArrayList<>();
        long next;
        if (mode == X86PagingMode.PAE) {
            long pdpte = (r.cr3() & 0xFFFF_FFE0L) + 8 * (access.linearAddress() >>> 30 & 3);
            walked.remove(pdpte);
            long value = entryValue(before, pdpte, 8);
            chain.add(new EntryUse(X86Level.PDPT, pdpte, value));
            next = value & ADDRESS_52;
        } else {
            next = r.cr3() & (width == 4 ? 0xFFFF_F000L : ADDRESS_52);
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
            next = value & (width == 4 ? 0xFFFF_F000L : ADDRESS_52);
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
        int missing = levels(mode).size() - used;
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
            QemuMachine machine,
            ControlRegisters r,
            long linear,
            SortedMap<Long, Long> before,
            List<EntryUse> entries) {
        long cr4 = r.cr4() & ~(ControlRegisters.CR4_SMAP | ControlRegisters.CR4_PKE | ControlRegisters.CR4_PKS);
        boolean writable = succeeds(
                machine, query(r, 0, AccessKind.WRITE, linear, cr4, r.cr0() | ControlRegisters.CR0_WP, false, before));
        boolean user = succeeds(machine, query(r, 3, AccessKind.READ, linear, cr4, r.cr0(), false, before));
        boolean executable = succeeds(
                machine,
                query(r, 0, AccessKind.FETCH, linear, cr4 & ~ControlRegisters.CR4_SMEP, r.cr0(), false, before));
        boolean keys = (r.efer() & ControlRegisters.EFER_LMA) != 0
                && (r.cr4() & (ControlRegisters.CR4_PKE | ControlRegisters.CR4_PKS)) != 0;
        int key = keys ? (int) (entries.get(entries.size() - 1).value() >>> 59 & 0xF) : 0;
        return new Rights(writable, user, executable, key);
    }

    private static boolean succeeds(QemuMachine machine, MachineQuery q) {
        MachineOutcome o = machine.access(q, false);
        if (o.fault().isPresent() && o.fault().get().vector() != 14) {
            throw new MachineFailureException(
                    "a rights probe raised vector " + o.fault().get().vector(), null);
        }
        return o.fault().isEmpty();
    }

    private static List<X86Level> levels(X86PagingMode mode) {
        return switch (mode) {
            case NONE -> List.of();
            case BITS32 -> List.of(X86Level.PD, X86Level.PT);
            case PAE -> List.of(X86Level.PDPT, X86Level.PD, X86Level.PT);
            case LEVEL4 -> List.of(X86Level.PML4, X86Level.PDPT, X86Level.PD, X86Level.PT);
            case LEVEL5 -> List.of(X86Level.PML5, X86Level.PML4, X86Level.PDPT, X86Level.PD, X86Level.PT);
        };
    }

    private static PagingMode machineMode(X86PagingMode mode) {
        return switch (mode) {
            case BITS32 -> PagingMode.BITS32;
            case PAE -> PagingMode.PAE;
            case LEVEL4 -> PagingMode.LEVEL4;
            case LEVEL5 -> PagingMode.LEVEL5;
            case NONE -> throw new IllegalArgumentException("no paging");
        };
    }

    private static AccessKind kind(Access access) {
        if (access.privilege() == Privilege.IMPLICIT_SUPERVISOR) {
            return AccessKind.IMPLICIT_READ;
        }
        return switch (access.kind()) {
            case READ -> AccessKind.READ;
            case WRITE -> AccessKind.WRITE;
            case FETCH -> AccessKind.FETCH;
        };
    }
}
