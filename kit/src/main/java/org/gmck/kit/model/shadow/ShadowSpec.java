package org.gmck.kit.model.shadow;

import java.util.List;
import java.util.Set;
import org.gmck.kit.model.ModelSession;
import org.gmck.kit.model.ModelSpec;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.quicktheories.core.Gen;

/**
 * The shadow model: PGM's shadow paging and physical access handlers as the catalogue states them (PGM-SHW-1
 * to 3, 6 to 11, 13 to 16, 20, 22, 23, 25 to 27; PGM-HND-1 to 5, 7 to 13, 15; with pgm-introspection the tracking words, PGM-REC-9 to 11).
 *
 * <p>A sequence runs on one shadow-paged VM with access handlers whose guest maps a few linear pages, several
 * of them aliases of one data page in one and in two shadow page tables, and one guest large page whose
 * pieces reach a data page and the guest's own top-level table. The guest rewrites and unmaps its entries
 * with physical writes, loads CR3 (its own and bad ones), runs INVLPG and SyncCR3, reads, writes and fetches
 * as user and supervisor (and with bad widths and alignments); pages are shared and monitored; physical
 * handlers are registered over the pages (and over bad ranges), deregistered, deregistered again. After every
 * step the model compares every shadow translation it may constrain, the fault or data of an access, the
 * guest's accessed and dirty flags, the pages' handler states and every handler's calls.
 */
public final class ShadowSpec implements ModelSpec<ShadowOp> {

    private static final Set<String> RULES = Set.of(
            "PGM-SHW-1",
            "PGM-SHW-2",
            "PGM-SHW-3",
            "PGM-SHW-6",
            "PGM-SHW-7",
            "PGM-SHW-8",
            "PGM-SHW-9",
            "PGM-SHW-10",
            "PGM-SHW-11",
            "PGM-SHW-13",
            "PGM-SHW-14",
            "PGM-SHW-15",
            "PGM-SHW-16",
            "PGM-SHW-20",
            "PGM-SHW-22",
            "PGM-SHW-23",
            "PGM-SHW-25",
            "PGM-SHW-26",
            "PGM-SHW-27",
            "PGM-HND-1",
            "PGM-HND-2",
            "PGM-HND-3",
            "PGM-HND-4",
            "PGM-HND-5",
            "PGM-HND-7",
            "PGM-HND-8",
            "PGM-HND-9",
            "PGM-HND-10",
            "PGM-HND-11",
            "PGM-HND-12",
            "PGM-HND-13",
            "PGM-HND-15",
            "PGM-REC-9",
            "PGM-REC-10",
            "PGM-REC-11");

    @Override
    public String name() {
        return "shadow";
    }

    @Override
    public Profile profile() {
        return Profile.PGM;
    }

    @Override
    public List<String> variants(ConformanceAdapter adapter) {
        return ShadowVariant.all().stream().map(ShadowVariant::name).toList();
    }

    @Override
    public Set<String> rules() {
        return RULES;
    }

    @Override
    public Gen<ShadowOp> operations(String variant) {
        return ShadowOps.operations(ShadowVariant.named(variant));
    }

    @Override
    public String ruleOf(ShadowOp op) {
        if (op instanceof ShadowOp.MapPage || op instanceof ShadowOp.MapLarge || op instanceof ShadowOp.Unmap) {
            return "PGM-SHW-13";
        }
        if (op instanceof ShadowOp.LoadCr3) {
            return "PGM-SHW-15";
        }
        if (op instanceof ShadowOp.BadCr3) {
            return "PGM-SHW-20";
        }
        if (op instanceof ShadowOp.Invlpg) {
            return "PGM-SHW-14";
        }
        if (op instanceof ShadowOp.SyncCr3) {
            return "PGM-SHW-16";
        }
        if (op instanceof ShadowOp.Access) {
            return "PGM-SHW-1";
        }
        if (op instanceof ShadowOp.BadAccess) {
            return "PGM-SHW-23";
        }
        if (op instanceof ShadowOp.Share) {
            return "PGM-SHW-9";
        }
        if (op instanceof ShadowOp.ArmMonitoring) {
            return "PGM-SHW-10";
        }
        if (op instanceof ShadowOp.RegisterPhysical) {
            return "PGM-HND-1";
        }
        if (op instanceof ShadowOp.RegisterBadPhysical) {
            return "PGM-HND-8";
        }
        if (op instanceof ShadowOp.Deregister) {
            return "PGM-HND-7";
        }
        return "PGM-HND-11";
    }

    @Override
    public ModelSession<ShadowOp> start(ConformanceAdapter adapter, String variant) {
        return new ShadowSession(adapter, ShadowVariant.named(variant));
    }
}
