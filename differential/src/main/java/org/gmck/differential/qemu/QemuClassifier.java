package org.gmck.differential.qemu;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.gmck.differential.CaseSpec;
import org.gmck.differential.Classifier;
import org.gmck.differential.Observation;
import org.gmck.differential.PathEntry;
import org.gmck.differential.Verdict;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.PageFault;
import org.gmck.spi.x86.X86Level;
import org.gmck.spi.x86.X86Mmu;
import org.gmck.spi.x86.X86PagingMode;

/**
 * Compares QEMU with the reference on one case, explaining differences by QEMU 7.2's known deviations
 * (the entries of {@code qemu-7.2-baseline.txt}) and by differences the SDM permits. Whatever remains is
 * unexplained: a bug in QEMU, the reference, the adapter or the generator, to be looked into.
 */
public final class QemuClassifier implements Classifier {

    /** Reserved-bit #PF reported without P (error code lacks bit 0). */
    public static final String RSVD_WITHOUT_P = "QEMU-RSVD-WITHOUT-P";
    /**
     * A user-mode data access to a supervisor-mode address whose PKRS key denies it: QEMU reports the U/S
     * violation without PK; the SDM's PK flag depends only on the key (IA32_PKRS for supervisor-mode addresses).
     */
    public static final String PKS_FLAG_MISSING = "QEMU-PK-FLAG-MISSING-FOR-PKS";
    /**
     * An implicit supervisor read at CPL 0 with RFLAGS.AC=1 of a user-mode address under CR4.SMAP: QEMU
     * reads it (its kernel accesses waive SMAP whenever CPL<3 and AC=1); the SDM blocks implicit accesses
     * whatever AC holds.
     */
    public static final String SMAP_IMPLICIT_AC = "QEMU-SMAP-IGNORES-IMPLICIT-WITH-AC";
    /** QEMU sets A (bit 5) in the PAE PDPTEs it walks through. */
    public static final String PAE_PDPTE_A = "QEMU-PAE-PDPTE-ACCESSED";
    /** QEMU honours PDPTE.PS as a 1 GiB page although the CPU model lacks Page1GB. */
    public static final String GB_WITHOUT_CPUID = "QEMU-1GB-WITHOUT-CPUID";
    /** QEMU checks only bit 21 of a 4 MiB PDE: PSE-36 bits above MAXPHYADDR, or without PSE-36, are used as address. */
    public static final String PSE36_UNCHECKED = "QEMU-PSE36-UNCHECKED";
    /** QEMU sets A in a 1 GiB leaf before the leaf's checks, so also on a faulting access. */
    public static final String GB_LEAF_A_ON_FAULT = "QEMU-1GB-LEAF-ACCESSED-ON-FAULT";
    /** QEMU sets A in non-leaf entries of a walk that then faults; the SDM permits this, the reference does not do it (I-X86-1). */
    public static final String NONLEAF_A_ON_FAULT = "PERMITTED-NONLEAF-ACCESSED-ON-FAULT";
    /**
     * The reference refuses a walk that reads an entry outside guest RAM (OUTSIDE_GUEST_RAM); the adapter
     * cannot see which entries QEMU reads, and QEMU reads zeros there. An adapter limitation, not QEMU's.
     */
    public static final String RAM_BOUNDS_UNSEEN = "ADAPTER-RAM-BOUNDS-UNSEEN";

    @Override
    public String engine() {
        return "qemu";
    }

    @Override
    public Verdict classify(CaseSpec c, Observation ref, Observation qemu) {
        TreeSet<String> classes = new TreeSet<>();
        String detail = "reference: " + ref.summary() + "\nqemu:      " + qemu.summary();
        Optional<Verdict> before = Classifier.beforeTheAccess(ref, qemu, detail, QemuClassifier::kind);
        if (before.isPresent()) {
            return before.get();
        }
        X86PagingMode mode = c.registers().pagingMode();
        AccessOutcome r = ref.outcome();
        AccessOutcome q = qemu.outcome();
        if (r == null && "rejected OUTSIDE_GUEST_RAM".equals(ref.failure()) && q != null) {
            classes.add(RAM_BOUNDS_UNSEEN);
            return new Verdict(classes, "", detail);
        }
        if (r == null || q == null) {
            return java.util.Objects.equals(ref.failure(), qemu.failure())
                    ? new Verdict(classes, "", detail)
                    : new Verdict(classes, mode + " " + kind(ref) + " vs " + kind(qemu), detail);
        }
        boolean refRsvd = r instanceof PageFault pf && (pf.errorCode() & PageFault.RSVD) != 0;
        if (!r.equals(q)) {
            if (refRsvd
                    && q instanceof PageFault qf
                    && qf.errorCode() == (((PageFault) r).errorCode() & ~PageFault.P)
                    && qf.cr2() == ((PageFault) r).cr2()) {
                classes.add(RSVD_WITHOUT_P);
            } else if (r instanceof PageFault rf
                    && (rf.errorCode() & PageFault.PK) != 0
                    && q instanceof PageFault qf
                    && qf.errorCode() == (rf.errorCode() & ~PageFault.PK)
                    && qf.cr2() == rf.cr2()
                    && c.access().privilege() == org.gmck.spi.x86.Privilege.USER
                    && (c.registers().cr4() & ControlRegisters.CR4_PKS) != 0) {
                classes.add(PKS_FLAG_MISSING);
            } else if (c.access().privilege() == org.gmck.spi.x86.Privilege.IMPLICIT_SUPERVISOR
                    && (c.registers().cr4() & ControlRegisters.CR4_SMAP) != 0
                    && (c.rflags() & X86Mmu.RFLAGS_AC) != 0
                    && r instanceof PageFault
                    && q instanceof org.gmck.spi.x86.Translated) {
                classes.add(SMAP_IMPLICIT_AC);
                return new Verdict(classes, "", detail);
            } else if (gigabyteWithoutCpuid(c)) {
                classes.add(GB_WITHOUT_CPUID);
                return new Verdict(classes, "", detail);
            } else if (mode == X86PagingMode.BITS32
                    && leaf(c).map(e -> e.level() == X86Level.PD).orElse(false)
                    && (c.registers().cr4() & ControlRegisters.CR4_PSE) != 0) {
                classes.add(PSE36_UNCHECKED);
                return new Verdict(classes, "", detail);
            } else {
                return new Verdict(classes, mode + " " + kind(ref) + " vs " + kind(qemu), detail);
            }
        }
        boolean fault = !(r instanceof org.gmck.spi.x86.Translated);
        for (Map.Entry<Long, Long> e : ref.memoryAfter().entrySet()) {
            long rv = e.getValue();
            long qv = qemu.memoryAfter().get(e.getKey());
            int width = mode == X86PagingMode.BITS32 ? 4 : 8;
            for (int half = 0; half < 8; half += width) {
                long mask = width == 8 ? -1L : 0xFFFF_FFFFL << (8 * half);
                long diff = (rv ^ qv) & mask;
                if (diff == 0) {
                    continue;
                }
                long address = e.getKey() + half;
                long aBit = 0x20L << (8 * half);
                boolean onlyASetByQemu = diff == aBit && (qv & aBit) != 0;
                boolean psIgnored =
                        mode == X86PagingMode.BITS32 && (c.registers().cr4() & ControlRegisters.CR4_PSE) == 0;
                Optional<PathEntry> onPath = c.path().stream()
                        .filter(p -> p.address() == address)
                        .map(p -> psIgnored && p.level() == X86Level.PD
                                ? new PathEntry(p.address(), p.width(), p.level(), false)
                                : p)
                        .findFirst();
                long pdpt = c.registers().cr3() & 0xFFFF_FFE0L;
                if (mode == X86PagingMode.PAE && address >= pdpt && address < pdpt + 32 && onlyASetByQemu) {
                    classes.add(PAE_PDPTE_A);
                } else if (fault
                        && onlyASetByQemu
                        && onPath.isPresent()
                        && onPath.get().leaf()
                        && onPath.get().level() == X86Level.PDPT) {
                    classes.add(GB_LEAF_A_ON_FAULT);
                } else if (fault
                        && onlyASetByQemu
                        && onPath.isPresent()
                        && !onPath.get().leaf()) {
                    classes.add(NONLEAF_A_ON_FAULT);
                } else {
                    return new Verdict(
                            classes,
                            String.format(
                                    "%s memory at %s entry (%s)",
                                    mode,
                                    onPath.map(p -> p.level() + (p.leaf() ? " leaf" : ""))
                                            .orElse("off-path"),
                                    kind(ref)),
                            detail + String.format("%nword %#x: reference %#x, qemu %#x", e.getKey(), rv, qv));
                }
            }
        }
        return new Verdict(classes, "", detail);
    }

    private static Optional<PathEntry> leaf(CaseSpec c) {
        return c.path().stream().filter(PathEntry::leaf).findFirst();
    }

    private static boolean gigabyteWithoutCpuid(CaseSpec c) {
        X86PagingMode mode = c.registers().pagingMode();
        return (mode == X86PagingMode.LEVEL4 || mode == X86PagingMode.LEVEL5)
                && !c.cpu().has(CpuFeature.PAGE_1GB)
                && leaf(c).map(e -> e.level() == X86Level.PDPT).orElse(false);
    }

    private static String kind(Observation o) {
        if (!(o.load() instanceof Loaded)) {
            return o.load().toString();
        }
        if (o.outcome() == null) {
            return o.failure().length() > 60 ? o.failure().substring(0, 60) : o.failure();
        }
        if (o.outcome() instanceof PageFault pf) {
            return String.format("#PF(%#x)", pf.errorCode());
        }
        return o.outcome().getClass().getSimpleName();
    }
}
