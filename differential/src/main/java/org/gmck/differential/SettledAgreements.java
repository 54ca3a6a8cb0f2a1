package org.gmck.differential;

import java.util.Optional;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.PageFault;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.Translated;
import org.gmck.spi.x86.X86Mmu;

/**
 * The behaviours in which engines agree against the reference and that CONFORMANCE.md has settled ("Where
 * QEMU and Bochs agree against the reference"): a case showing one of them is counted under its class; any
 * other agreement against the reference is unexplained and fails the run until it is settled.
 */
public final class SettledAgreements {

    /**
     * An implicit supervisor read with RFLAGS.AC=1 of a user-mode address under CR4.SMAP succeeds on the
     * engines; the reference faults, as the SDM has it (X86-SMAP-3, settled in the reference's favour).
     */
    public static final String SMAP_IMPLICIT_AC = "SETTLED-X86-SMAP-3-IMPLICIT-READ-WITH-AC";
    /**
     * The reference refuses a walk that reads outside guest RAM; neither adapter can see where its engine
     * reads, and both engines read zeros there (X86-MEM-3, a limit of the harnesses).
     */
    public static final String RAM_BOUNDS_UNSEEN = "SETTLED-X86-MEM-3-RAM-BOUNDS-UNSEEN";

    private SettledAgreements() {}

    /** The settled class of an agreement against the reference, if it is one. */
    public static Optional<String> settle(CaseSpec c, Observation reference, Observation engines) {
        if (c.access().privilege() == Privilege.IMPLICIT_SUPERVISOR
                && (c.registers().cr4() & ControlRegisters.CR4_SMAP) != 0
                && (c.rflags() & X86Mmu.RFLAGS_AC) != 0
                && reference.outcome() instanceof PageFault
                && engines.outcome() instanceof Translated) {
            return Optional.of(SMAP_IMPLICIT_AC);
        }
        if (reference.outcome() == null
                && "rejected OUTSIDE_GUEST_RAM".equals(reference.failure())
                && engines.outcome() != null) {
            return Optional.of(RAM_BOUNDS_UNSEEN);
        }
        return Optional.empty();
    }

    /** A short signature of an agreement no settlement explains. */
    public static String signature(CaseSpec c, Observation reference, Observation engines) {
        return c.registers().pagingMode() + " " + c.access().kind() + " "
                + c.access().privilege() + ": " + kind(reference) + " vs " + kind(engines);
    }

    private static String kind(Observation o) {
        if (o.outcome() instanceof PageFault pf) {
            return String.format("#PF(%#x)", pf.errorCode());
        }
        if (o.outcome() != null) {
            return o.outcome().getClass().getSimpleName();
        }
        String s = o.failure() != null ? o.failure() : o.load().toString();
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}
