package org.gmck.kit.model.largepage;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gmck.kit.model.ModelSession;
import org.gmck.kit.model.ModelSpec;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.quicktheories.core.Gen;

/**
 * The model of KVM's large pages (profiles {@code large-pages} and {@code large-pages-introspection}): slots
 * added directly and as guest memory, page tables shadowed and unshadowed, guest large entries, real-mode
 * pseudo entries and nested frames shadowed large or small, zaps, and every refusal, played over every
 * {@link org.gmck.spi.largepage.MmuOptions} an MMU can be created with. After each call it compares the
 * write protection, the decision and the entries at every page, frame and address it looks at, the slots, and
 * with the introspection profile the counters (see {@link Judge}).
 */
public final class LargePagesModel implements ModelSpec<LpOp> {

    /** Every rule a comparison of this model can fail. */
    private static final Set<String> RULES = everyRule();

    @Override
    public String name() {
        return "large-pages";
    }

    @Override
    public Profile profile() {
        return Profile.LARGE_PAGES;
    }

    @Override
    public List<String> variants(ConformanceAdapter adapter) {
        return adapter.profiles().contains(Profile.LARGE_PAGES)
                ? LpVariant.all().stream().map(LpVariant::name).toList()
                : List.of();
    }

    @Override
    public Set<String> rules() {
        return RULES;
    }

    @Override
    public Gen<LpOp> operations(String variant) {
        return LpGenerators.operations(LpVariant.named(variant));
    }

    @Override
    public String ruleOf(LpOp op) {
        if (op instanceof LpOp.AddSlot) {
            return "LP-BAD-3";
        }
        if (op instanceof LpOp.AddSpecialSlot s) {
            switch (s.shape()) {
                case EMPTY:
                case NEGATIVE:
                    return "LP-BAD-1";
                case BELOW_ZERO:
                case ABOVE_TOP:
                case AT_TOP:
                    return "LP-BAD-4";
                default:
                    return "LP-BAD-2";
            }
        }
        if (op instanceof LpOp.AddGuestMemory) {
            return "LP-SPLIT-9";
        }
        if (op instanceof LpOp.AddSpecialMemory) {
            return "LP-BAD-6";
        }
        if (op instanceof LpOp.ShadowTable) {
            return "LP-CNT-6";
        }
        if (op instanceof LpOp.UnshadowTable) {
            return "LP-CNT-8";
        }
        if (op instanceof LpOp.ShadowEveryPage) {
            return "LP-ENC-8";
        }
        if (op instanceof LpOp.ShadowLargeEntry) {
            return "LP-MAP-1";
        }
        if (op instanceof LpOp.ShadowRealModeEntry) {
            return "LP-MAP-2";
        }
        if (op instanceof LpOp.MapNestedFrame) {
            return "LP-NPT-1";
        }
        if (op instanceof LpOp.AskDecision) {
            return "LP-MAP-5";
        }
        return op instanceof LpOp.AskCounters ? "LP-CNT-1" : "LP-ENC-4";
    }

    @Override
    public ModelSession<LpOp> start(ConformanceAdapter adapter, String variant) {
        LpVariant v = LpVariant.named(variant);
        boolean introspection = adapter.profiles().contains(Profile.LARGE_PAGES_INTROSPECTION);
        return new LpSession(
                adapter.largePages().newMmu(v.options()),
                v,
                introspection,
                adapter.parameters().get("largepage.unshadowed-small-entry"));
    }

    private static Set<String> everyRule() {
        Set<String> rules = new TreeSet<>();
        for (int i = 1; i <= 8; i++) {
            rules.add("LP-CNT-" + i);
            rules.add("LP-ENC-" + i);
            rules.add("LP-ZAP-" + i);
            rules.add("LP-NPT-" + i);
        }
        for (int i = 1; i <= 10; i++) {
            rules.add("LP-MAP-" + i);
            rules.add("LP-SPLIT-" + i);
        }
        for (int i = 1; i <= 15; i++) {
            rules.add("LP-BAD-" + i);
        }
        return Set.copyOf(rules);
    }
}
