package org.gmck.differential.bochs;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.gmck.differential.CaseSpec;
import org.gmck.differential.Classifier;
import org.gmck.differential.Observation;
import org.gmck.differential.PathEntry;
import org.gmck.differential.Verdict;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.PageFault;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.Translated;
import org.gmck.spi.x86.X86Mmu;

/**
 * Compares Bochs 2.7 with the reference on one case, explaining differences by the deviations of {@code
 * bochs-2.7-baseline.txt} (CONFORMANCE.md, "Bochs 2.7 against the kit") and by the questions the adapter
 * declines. Bochs sets accessed and dirty flags as the reference does, so any other difference in memory is
 * unexplained.
 */
public final class BochsClassifier implements Classifier {

    /**
     * Bochs applies PKRU by the mode of the access, not of the address: a supervisor access to a user-mode
     * page passes an access-disabled key, a user access to a supervisor-mode page reports PK, a supervisor
     * write to a write-disabled supervisor-mode page faults.
     */
    public static final String PKRU_BY_ACCESS = "BOCHS-PKRU-BY-ACCESS-NOT-ADDRESS";
    /** An implicit supervisor read with RFLAGS.AC=1 reads a user-mode address under CR4.SMAP (X86-SMAP-3). */
    public static final String SMAP_IMPLICIT_AC = "BOCHS-SMAP-IGNORES-IMPLICIT-WITH-AC";
    /** A walk reads outside guest RAM: Bochs reads zeros there and the adapter cannot see it (X86-MEM-3). */
    public static final String RAM_BOUNDS_UNSEEN = "ADAPTER-RAM-BOUNDS-UNSEEN";

    @Override
    public String engine() {
        return "bochs";
    }

    @Override
    public Verdict classify(CaseSpec c, Observation ref, Observation bochs) {
        TreeSet<String> classes = new TreeSet<>();
        String detail = "reference: " + ref.summary() + "\nbochs:     " + bochs.summary();
        Optional<Verdict> before =
                Classifier.beforeTheAccess(ref, bochs, detail, o -> o.load().toString());
        if (before.isPresent()) {
            return before.get();
        }
        AccessOutcome r = ref.outcome();
        AccessOutcome b = bochs.outcome();
        if (r == null && "rejected OUTSIDE_GUEST_RAM".equals(ref.failure()) && b != null) {
            classes.add(RAM_BOUNDS_UNSEEN);
            return new Verdict(classes, "", detail);
        }
        String mode = c.registers().pagingMode().toString();
        if (r == null || b == null) {
            return Objects.equals(ref.failure(), bochs.failure())
                    ? new Verdict(classes, "", detail)
                    : new Verdict(classes, mode + " " + kind(ref) + " vs " + kind(bochs), detail);
        }
        if (!r.equals(b)) {
            if (smapImplicitWithAc(c, r, b)) {
                classes.add(SMAP_IMPLICIT_AC);
            } else if (pkruByAccess(c, r, b)) {
                classes.add(PKRU_BY_ACCESS);
            } else {
                return new Verdict(classes, mode + " " + kind(ref) + " vs " + kind(bochs), detail);
            }
            // The outcomes differ for a known reason; the flags each then set differ with them.
            return new Verdict(classes, "", detail);
        }
        for (Map.Entry<Long, Long> e : ref.memoryAfter().entrySet()) {
            long bv = bochs.memoryAfter().getOrDefault(e.getKey(), 0L);
            if (bv != e.getValue()) {
                return new Verdict(
                        classes,
                        mode + " memory (" + kind(ref) + ")",
                        detail + String.format("%nword %#x: reference %#x, bochs %#x", e.getKey(), e.getValue(), bv));
            }
        }
        return new Verdict(classes, "", detail);
    }

    private static boolean smapImplicitWithAc(CaseSpec c, AccessOutcome r, AccessOutcome b) {
        return c.access().privilege() == Privilege.IMPLICIT_SUPERVISOR
                && (c.registers().cr4() & ControlRegisters.CR4_SMAP) != 0
                && (c.rflags() & X86Mmu.RFLAGS_AC) != 0
                && r instanceof PageFault
                && b instanceof Translated;
    }

    /**
     * A data access under CR4.PKE to a leaf whose key PKRU restricts, where one side's fault reports PK (or
     * the PK check alone decides): the outcomes differ in what PKRU did.
     */
    private static boolean pkruByAccess(CaseSpec c, AccessOutcome r, AccessOutcome b) {
        if ((c.registers().cr4() & ControlRegisters.CR4_PKE) == 0 || c.access().kind() == AccessKind.FETCH) {
            return false;
        }
        PathEntry leaf = c.path().stream().filter(PathEntry::leaf).findFirst().orElse(null);
        if (leaf == null) {
            return false;
        }
        long entry = c.words().getOrDefault(leaf.address() & ~7L, 0L);
        int key = (int) ((entry >>> 59) & 0xF);
        if (((c.pkru() >>> (2 * key)) & 3) == 0) {
            return false;
        }
        boolean refPk = r instanceof PageFault rf && (rf.errorCode() & PageFault.PK) != 0;
        boolean bochsPk = b instanceof PageFault bf && (bf.errorCode() & PageFault.PK) != 0;
        if (r instanceof PageFault rf && b instanceof PageFault bf && rf.cr2() != bf.cr2()) {
            return false;
        }
        return refPk || bochsPk;
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
