package org.gmck.kit.model.pgm;

import java.util.List;
import java.util.Set;
import org.gmck.kit.model.ModelSession;
import org.gmck.kit.model.ModelSpec;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.quicktheories.core.Gen;

/**
 * The guest-memory model: PGM's guest physical memory as the catalogue states it (PGM-PHYS-1 to 24, the
 * VM's own tracking cost PGM-COST-3, and with pgm-introspection the packed records, PGM-REC-1 to 9, 13 to 20).
 *
 * <p>A sequence runs on one small VM with a RAM range at slot 0: ranges of every type are registered at a few
 * slots (and over, around and next to them, and with bad shapes), the guest reads and writes every width at
 * the start, middle and end of pages (and with bad widths and alignments), pages are shared and written
 * again, monitoring is armed between writes, and the host's small budget runs out. Other VMs are created now
 * and then with budgets and host placements at and past their limits.
 */
public final class GuestMemorySpec implements ModelSpec<GuestMemoryOp> {

    private static final Set<String> RULES = Set.of(
            "PGM-PHYS-1",
            "PGM-PHYS-2",
            "PGM-PHYS-3",
            "PGM-PHYS-4",
            "PGM-PHYS-5",
            "PGM-PHYS-6",
            "PGM-PHYS-7",
            "PGM-PHYS-8",
            "PGM-PHYS-9",
            "PGM-PHYS-10",
            "PGM-PHYS-11",
            "PGM-PHYS-12",
            "PGM-PHYS-13",
            "PGM-PHYS-14",
            "PGM-PHYS-15",
            "PGM-PHYS-16",
            "PGM-PHYS-17",
            "PGM-PHYS-18",
            "PGM-PHYS-19",
            "PGM-PHYS-20",
            "PGM-PHYS-21",
            "PGM-PHYS-22",
            "PGM-PHYS-23",
            "PGM-PHYS-24",
            "PGM-COST-3",
            "PGM-REC-1",
            "PGM-REC-2",
            "PGM-REC-3",
            "PGM-REC-4",
            "PGM-REC-5",
            "PGM-REC-6",
            "PGM-REC-7",
            "PGM-REC-8",
            "PGM-REC-9",
            "PGM-REC-13",
            "PGM-REC-14",
            "PGM-REC-15",
            "PGM-REC-16",
            "PGM-REC-17",
            "PGM-REC-18",
            "PGM-REC-19",
            "PGM-REC-20");

    @Override
    public String name() {
        return "guest-memory";
    }

    @Override
    public Profile profile() {
        return Profile.PGM;
    }

    @Override
    public List<String> variants(ConformanceAdapter adapter) {
        return GuestMemoryVariant.forAdapter(adapter);
    }

    @Override
    public Set<String> rules() {
        return RULES;
    }

    @Override
    public Gen<GuestMemoryOp> operations(String variant) {
        return GuestMemoryOps.operations(GuestMemoryVariant.named(variant));
    }

    @Override
    public String ruleOf(GuestMemoryOp op) {
        if (op instanceof GuestMemoryOp.Register) {
            return "PGM-PHYS-13";
        }
        if (op instanceof GuestMemoryOp.Read) {
            return "PGM-PHYS-21";
        }
        if (op instanceof GuestMemoryOp.Write) {
            return "PGM-PHYS-3";
        }
        if (op instanceof GuestMemoryOp.Share) {
            return "PGM-PHYS-6";
        }
        if (op instanceof GuestMemoryOp.ArmWriteMonitoring) {
            return "PGM-PHYS-7";
        }
        if (op instanceof GuestMemoryOp.AskRecord) {
            return "PGM-REC-1";
        }
        if (op instanceof GuestMemoryOp.CreateVm) {
            return "PGM-PHYS-20";
        }
        if (op instanceof GuestMemoryOp.CreatePlacedVm) {
            return "PGM-REC-20";
        }
        return "PGM-PHYS-15";
    }

    @Override
    public ModelSession<GuestMemoryOp> start(ConformanceAdapter adapter, String variant) {
        return new GuestMemorySession(adapter, GuestMemoryVariant.named(variant));
    }
}
