package org.gmck.reference.pgm.shadow;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gmck.reference.pgm.Cr3Rules;
import org.gmck.reference.x86.ReferenceX86Mmu;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.context.ContextStatus;
import org.gmck.spi.pgm.context.IntermediateContext;
import org.gmck.spi.pgm.context.SwitcherPlacement;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.Translated;
import org.gmck.spi.x86.X86PagingMode;

/**
 * The intermediate memory context (seed 001): one set of page tables for each of the three paging modes,
 * all below 4 GB, holding the switcher's three mappings and every guest-context mapping. The x86 walker
 * translates through them.
 */
public final class PgmIntermediateContext implements IntermediateContext {

    static final long FOUR_GB = 1L << 32;
    private static final int CANONICAL_SHIFT = 47;
    private static final long PAGE = 0x1000;
    /** Where each mode's tables start in host memory, a 16 MB span each, below 4 GB. */
    private static final Map<PagingMode, Long> TABLE_BASE =
            Map.of(PagingMode.BITS32, 0x0400_0000L, PagingMode.PAE, 0x0500_0000L, PagingMode.AMD64, 0x0600_0000L);

    private static final long FLAGS = ShadowFlags.P | ShadowFlags.RW | ShadowFlags.A;
    private static final List<PagingMode> MODES = List.of(PagingMode.BITS32, PagingMode.PAE, PagingMode.AMD64);
    private static final String IDENTITY = "switcher identity mapped";

    /** A mapped region: {start, size, physical address}. */
    private final Map<String, long[]> regions = new LinkedHashMap<>();

    private final Map<PagingMode, ReferenceX86Mmu> cpus = new EnumMap<>(PagingMode.class);
    private final Map<PagingMode, ShadowTables> tables = new EnumMap<>(PagingMode.class);

    public PgmIntermediateContext(SwitcherPlacement switcher) {
        long size = (long) switcher.pages() * PAGE;
        if (switcher.pages() <= 0
                || !aligned(switcher.physAddress())
                || !aligned(switcher.hostAddress())
                || !aligned(switcher.hypervisorAddress())) {
            throw new RejectedException(
                    ContextStatus.VERR_INVALID_PARAMETER,
                    "the switcher needs page-aligned addresses and at least one page: " + switcher);
        }
        if (switcher.physAddress() < 0 || size > FOUR_GB - switcher.physAddress()) {
            throw new RejectedException(
                    ContextStatus.VERR_OUT_OF_RANGE,
                    "the switcher code must lie below 4 GB to be identity mapped in every mode: " + switcher);
        }
        long hyper = switcher.hypervisorAddress();
        if (!canonicalSpan(switcher.hostAddress(), size) || !canonicalSpan(hyper, size)) {
            throw new RejectedException(
                    ContextStatus.VERR_OUT_OF_RANGE,
                    "the switcher's host and hypervisor mappings must "
                            + "lie within one canonical half of the address space, without wrapping past its top: "
                            + switcher);
        }
        if (overlaps(hyper, size, switcher.hostAddress(), size)
                || overlaps(hyper, size, switcher.physAddress(), size)) {
            throw new RejectedException(
                    ContextStatus.VERR_PGM_MAPPING_CONFLICT,
                    "the switcher's hypervisor mapping overlaps its host or identity mapping: " + switcher);
        }
        for (PagingMode mode : MODES) {
            ReferenceX86Mmu cpu = ReferenceX86Mmu.create(CpuModel.of(40), FOUR_GB);
            ShadowTables t = new ShadowTables(cpu, TABLE_BASE.get(mode), PoolTracking.Words.NONE);
            t.reset(mode);
            cpus.put(mode, cpu);
            tables.put(mode, t);
        }
        put("switcher at its host address", switcher.hostAddress(), size, switcher.physAddress());
        put(IDENTITY, switcher.physAddress(), size, switcher.physAddress());
        put("switcher at the hypervisor address", hyper, size, switcher.physAddress());
    }

    @Override
    public Optional<Long> translate(PagingMode mode, long linear) {
        ReferenceX86Mmu cpu = cpus.get(mode);
        if (cpu == null || mode != PagingMode.AMD64 && (linear >>> 32) != 0) {
            return Optional.empty();
        }
        cpu.loadControlRegisters(ControlRegisters.forMode(
                x86Mode(mode), Cr3Rules.cr3For(mode, tables.get(mode).root())));
        if (cpu.access(new Access(linear, AccessKind.READ, Privilege.SUPERVISOR)) instanceof Translated t) {
            return Optional.of(t.physicalAddress());
        }
        return Optional.empty();
    }

    @Override
    public List<PagingMode> modes() {
        return MODES;
    }

    @Override
    public List<Long> tablePages() {
        List<Long> pages = new ArrayList<>();
        for (ShadowTables t : tables.values()) {
            pages.addAll(t.pages());
        }
        return pages;
    }

    @Override
    public void mapGuestContext(String name, long address, long size, long physAddress) {
        if (name == null || name.isEmpty() || !aligned(physAddress) || physAddress < 0) {
            throw new RejectedException(
                    ContextStatus.VERR_INVALID_PARAMETER,
                    "a guest-context mapping needs a name and a page-aligned physical address");
        }
        if (regions.containsKey(name)) {
            throw new RejectedException(ContextStatus.VERR_ALREADY_EXISTS, "a mapping named '" + name + "' exists");
        }
        check(null, address, size);
        put(name, address, size, physAddress);
    }

    @Override
    public void relocateGuestContext(String name, long newAddress) {
        long[] region = regions.get(name);
        if (region == null) {
            throw new RejectedException(ContextStatus.VERR_NOT_FOUND, "no guest-context mapping named '" + name + "'");
        }
        check(name, newAddress, region[1]);
        for (ShadowTables t : tables.values()) {
            for (long off = 0; off < region[1]; off += PAGE) {
                t.unmap(region[0] + off);
            }
        }
        regions.remove(name);
        put(name, newAddress, region[1], region[2]);
    }

    @Override
    public Optional<Long> guestContextAddress(String name) {
        long[] region = regions.get(name);
        return region == null ? Optional.empty() : Optional.of(region[0]);
    }

    /**
     * A switch between tables of two modes goes through the identity mapping: the switcher jumps there in the
     * {@code from} tables, clears CR0.PG, changes mode, loads the {@code to} tables, sets CR0.PG again and goes
     * on at its hypervisor or host address. The identity mapping lies below 4 GB, so all three modes' tables
     * hold it. A switch between tables of one mode only loads another CR3.
     */
    @Override
    public Optional<Long> pagingOffAddress(PagingMode from, PagingMode to) {
        if (!cpus.containsKey(from) || !cpus.containsKey(to)) {
            throw new RejectedException(
                    ContextStatus.VERR_INVALID_PARAMETER,
                    String.format(
                            "a world switch goes between tables of the 32-bit, PAE and AMD64 modes, not from %s to %s",
                            from, to));
        }
        return from == to ? Optional.empty() : Optional.of(identity()[0]);
    }

    /** The switcher's identity mapping: {start, size, physical address}. */
    private long[] identity() {
        return regions.get(IDENTITY);
    }

    /** Checks a location against the rules and against what the intermediate context maps (but {@code self}). */
    private void check(String self, long address, long size) {
        if (!aligned(address) || !aligned(size) || size <= 0) {
            throw new RejectedException(
                    ContextStatus.VERR_INVALID_PARAMETER,
                    String.format(
                            "a guest-context mapping needs a page-aligned address and a non-zero page-aligned size: %#x, %#x",
                            address, size));
        }
        if (address < 0 || size > FOUR_GB - address) {
            throw new RejectedException(
                    ContextStatus.VERR_OUT_OF_RANGE,
                    String.format("guest-context mappings stay below 4 GB: %#x + %#x", address, size));
        }
        for (Map.Entry<String, long[]> e : regions.entrySet()) {
            long[] r = e.getValue();
            if (!e.getKey().equals(self) && overlaps(address, size, r[0], r[1])) {
                throw new RejectedException(
                        ContextStatus.VERR_PGM_MAPPING_CONFLICT,
                        String.format(
                                "%#x bytes at %#x overlap '%s' (%#x bytes at %#x) in the intermediate context",
                                size, address, e.getKey(), r[1], r[0]));
            }
        }
    }

    private void put(String name, long address, long size, long phys) {
        regions.put(name, new long[] {address, size, phys});
        for (Map.Entry<PagingMode, ShadowTables> e : tables.entrySet()) {
            if (e.getKey() != PagingMode.AMD64 && Long.compareUnsigned(address, FOUR_GB - size) > 0) {
                continue; // a 64-bit host address: only the AMD64 tables can map it
            }
            for (long off = 0; off < size; off += PAGE) {
                long target = phys + off;
                e.getValue().map(address + off, target, target, FLAGS, FLAGS);
            }
        }
    }

    private static X86PagingMode x86Mode(PagingMode mode) {
        return switch (mode) {
            case BITS32 -> X86PagingMode.BITS32;
            case PAE -> X86PagingMode.PAE;
            default -> X86PagingMode.LEVEL4;
        };
    }

    private static boolean aligned(long value) {
        return (value & (PAGE - 1)) == 0;
    }

    /**
     * Whether {@code size} bytes from {@code address} lie in one half of the canonical 48-bit address space the
     * AMD64 tables translate: a span past its top would wrap, and a non-canonical one would alias another.
     */
    private static boolean canonicalSpan(long address, long size) {
        long last = address + (size - 1);
        long top = address >> CANONICAL_SHIFT;
        // The span is at most 4 GB here, far less than a half: one that wraps past 2^64 ends in the other half.
        return (top == 0 || top == -1) && last >> CANONICAL_SHIFT == top;
    }

    private static boolean overlaps(long a, long aSize, long b, long bSize) {
        return a < b + bSize && b < a + aSize;
    }
}
