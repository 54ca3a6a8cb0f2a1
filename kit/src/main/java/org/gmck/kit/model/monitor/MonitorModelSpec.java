package org.gmck.kit.model.monitor;

import java.util.List;
import java.util.Set;
import org.gmck.kit.model.ModelSession;
import org.gmck.kit.model.ModelSpec;
import org.gmck.spi.ConformanceAdapter;
import org.gmck.spi.common.Profile;
import org.quicktheories.core.Gen;

/**
 * The model of the FreeMWare monitor (profile {@code monitor}, rules MON-*), written from the catalogue and
 * seed 003: guest mappings and their aliases, page-directory base loads, accesses and where they go, host
 * pages locked while mapped and given back least recently used first, the event log, and the monitor's
 * descriptor tables, with every refusal. The monitor's size is drawn with the first operation of each
 * sequence; the SPI lets an adapter declare nothing about its monitor, so there is one variant.
 */
public final class MonitorModelSpec implements ModelSpec<MonitorMove> {

    /** The one variant: monitors of every size the generator draws. */
    static final String VARIANT = "drawn-sizes";

    private static final Set<String> RULES = Set.of(
            "MON-PAGE-1",
            "MON-TBL-1",
            "MON-TBL-2",
            "MON-FLT-1",
            "MON-FLT-2",
            "MON-FLT-3",
            "MON-FLT-4",
            "MON-LOCK-1",
            "MON-LOCK-2",
            "MON-LOCK-3",
            "MON-EVICT-1",
            "MON-EVICT-2",
            "MON-EVICT-3",
            "MON-EVICT-4",
            "MON-EVICT-5",
            "MON-BAD-1",
            "MON-BAD-2",
            "MON-BAD-3",
            "MON-DT-1",
            "MON-DT-2",
            "MON-DT-3",
            "MON-DT-4",
            "MON-DT-5",
            "MON-DT-6");

    @Override
    public String name() {
        return "monitor";
    }

    @Override
    public Profile profile() {
        return Profile.MONITOR;
    }

    @Override
    public List<String> variants(ConformanceAdapter adapter) {
        return List.of(VARIANT);
    }

    @Override
    public Set<String> rules() {
        return RULES;
    }

    @Override
    public Gen<MonitorMove> operations(String variant) {
        return MonitorGenerator.moves();
    }

    @Override
    public String ruleOf(MonitorMove move) {
        return move.op().rule();
    }

    @Override
    public ModelSession<MonitorMove> start(ConformanceAdapter adapter, String variant) {
        return new MonitorSession(adapter.monitor());
    }
}
