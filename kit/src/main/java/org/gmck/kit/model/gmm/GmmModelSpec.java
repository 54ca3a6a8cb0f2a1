package org.gmck.kit.model.gmm;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gmck.kit.model.ModelSession;
import org.gmck.kit.model.ModelSpec;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.quicktheories.core.Gen;

/**
 * The model of the GMM profiles ({@code gmm}, and {@code gmm-introspection} where declared): VMs registered
 * and reserving, allocations of single pages and of requests across chunks, frees, sharing with several
 * references per page and per VM, cleanups, legacy mode with seeded chunks, look-ups, termination, and bad
 * input of every kind the catalogue refuses. It runs over each edition the adapter declares, in normal and in
 * legacy mode.
 */
public final class GmmModelSpec implements ModelSpec<GmmOp> {

    /**
     * The rules the comparisons belong to. GMM-SHARE-18 is left out: its 65,535 references are beyond any
     * sequence. The encodings (GMM-LAYOUT-1 to 10), the repair of corrupted counters (GMM-CLEAN-5 and 6) and the
     * legacy-mode probe (GMM-LEG-10 and 11) are the scenarios', and serialisation (GMM-LOCK-1 and 2) is
     * {@link GmmConcurrencyChecks}'.
     */
    private static final Set<String> RULES = new TreeSet<>(List.of(
            "GMM-ID-1",
            "GMM-ID-4",
            "GMM-ID-5",
            "GMM-ID-6",
            "GMM-ID-7",
            "GMM-ID-8",
            "GMM-ID-9",
            "GMM-ID-10",
            "GMM-ID-12",
            "GMM-ID-13",
            "GMM-ID-14",
            "GMM-ID-15",
            "GMM-ID-16",
            "GMM-ID-17",
            "GMM-STATE-1",
            "GMM-STATE-2",
            "GMM-STATE-3",
            "GMM-STATE-4",
            "GMM-STATE-5",
            "GMM-STATE-6",
            "GMM-STATE-7",
            "GMM-STATE-8",
            "GMM-LAYOUT-11",
            "GMM-LAYOUT-12",
            "GMM-LAYOUT-13",
            "GMM-LAYOUT-14",
            "GMM-LIFO-1",
            "GMM-LIFO-2",
            "GMM-LIFO-3",
            "GMM-SET-1",
            "GMM-SET-2",
            "GMM-SET-3",
            "GMM-SET-4",
            "GMM-SET-5",
            "GMM-SET-6",
            "GMM-SET-7",
            "GMM-SET-8",
            "GMM-SET-9",
            "GMM-SET-10",
            "GMM-ALLOC-1",
            "GMM-ALLOC-2",
            "GMM-ALLOC-3",
            "GMM-ALLOC-4",
            "GMM-ALLOC-5",
            "GMM-ALLOC-6",
            "GMM-ALLOC-7",
            "GMM-ALLOC-8",
            "GMM-ALLOC-9",
            "GMM-ALLOC-10",
            "GMM-ALLOC-11",
            "GMM-ALLOC-12",
            "GMM-ALLOC-13",
            "GMM-SHARE-1",
            "GMM-SHARE-2",
            "GMM-SHARE-3",
            "GMM-SHARE-4",
            "GMM-SHARE-5",
            "GMM-SHARE-6",
            "GMM-SHARE-7",
            "GMM-SHARE-8",
            "GMM-SHARE-9",
            "GMM-SHARE-10",
            "GMM-SHARE-11",
            "GMM-SHARE-12",
            "GMM-SHARE-13",
            "GMM-SHARE-14",
            "GMM-SHARE-15",
            "GMM-SHARE-16",
            "GMM-SHARE-17",
            "GMM-SHARE-19",
            "GMM-SHARE-20",
            "GMM-FREE-1",
            "GMM-FREE-2",
            "GMM-FREE-3",
            "GMM-FREE-4",
            "GMM-FREE-5",
            "GMM-FREE-6",
            "GMM-FREE-7",
            "GMM-RES-1",
            "GMM-RES-2",
            "GMM-RES-3",
            "GMM-RES-4",
            "GMM-RES-5",
            "GMM-RES-6",
            "GMM-RES-7",
            "GMM-RES-8",
            "GMM-RES-9",
            "GMM-RES-10",
            "GMM-RES-11",
            "GMM-RES-12",
            "GMM-RES-13",
            "GMM-RES-14",
            "GMM-RES-17",
            "GMM-RES-18",
            "GMM-LEG-1",
            "GMM-LEG-2",
            "GMM-LEG-3",
            "GMM-LEG-4",
            "GMM-LEG-5",
            "GMM-LEG-6",
            "GMM-LEG-7",
            "GMM-LEG-8",
            "GMM-LEG-9",
            "GMM-CLEAN-1",
            "GMM-CLEAN-2",
            "GMM-CLEAN-3",
            "GMM-CLEAN-4",
            "GMM-CLEAN-7",
            "GMM-CLEAN-8",
            "GMM-CLEAN-9",
            "GMM-CLEAN-10",
            "GMM-CLEAN-11",
            "GMM-CLEAN-12",
            "GMM-CLEAN-13",
            "GMM-CLEAN-14",
            "GMM-CLEAN-15",
            "GMM-CLEAN-16",
            "GMM-CLEAN-17",
            "GMM-CLEAN-18",
            "GMM-CLEAN-20",
            "GMM-VM-1",
            "GMM-VM-2",
            "GMM-VM-3",
            "GMM-VM-4",
            "GMM-INIT-1",
            "GMM-INIT-2",
            "GMM-TERM-1",
            "GMM-TERM-2",
            "GMM-TERM-3",
            "GMM-TERM-4",
            "GMM-TERM-5"));

    @Override
    public String name() {
        return "gmm";
    }

    @Override
    public Profile profile() {
        return Profile.GMM;
    }

    @Override
    public List<String> variants(ConformanceAdapter adapter) {
        return GmmVariant.of(adapter).stream().map(GmmVariant::name).toList();
    }

    @Override
    public Set<String> rules() {
        return RULES;
    }

    @Override
    public Gen<GmmOp> operations(String variant) {
        return GmmOps.generator(GmmVariant.named(variant));
    }

    @Override
    public String ruleOf(GmmOp op) {
        if (op instanceof GmmOp.Allocate) {
            return "GMM-STATE-1";
        }
        if (op instanceof GmmOp.Free) {
            return "GMM-STATE-5";
        }
        if (op instanceof GmmOp.Share) {
            return "GMM-SHARE-4";
        }
        if (op instanceof GmmOp.Use) {
            return "GMM-SHARE-5";
        }
        if (op instanceof GmmOp.Release) {
            return "GMM-SHARE-6";
        }
        if (op instanceof GmmOp.Seed) {
            return "GMM-LEG-7";
        }
        if (op instanceof GmmOp.Cleanup) {
            return "GMM-CLEAN-1";
        }
        if (op instanceof GmmOp.Register) {
            return "GMM-VM-4";
        }
        if (op instanceof GmmOp.Reserve) {
            return "GMM-RES-4";
        }
        if (op instanceof GmmOp.Update) {
            return "GMM-RES-8";
        }
        if (op instanceof GmmOp.LookUpPage) {
            return "GMM-ID-13";
        }
        if (op instanceof GmmOp.LookUpChunk) {
            return "GMM-ID-12";
        }
        if (op instanceof GmmOp.ReadVm) {
            return "GMM-RES-2";
        }
        return "GMM-TERM-1";
    }

    @Override
    public ModelSession<GmmOp> start(ConformanceAdapter adapter, String variant) {
        return new GmmSession(adapter, GmmVariant.named(variant));
    }
}
