package org.gmck.kit.steps.monitor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gmck.kit.Numbers;
import org.gmck.kit.ScenarioContext;
import org.gmck.spi.monitor.Monitor;
import org.gmck.spi.monitor.MonitorEntry;
import org.gmck.spi.monitor.MonitorEvent;

/**
 * What the monitor steps of one scenario share: the monitor under test, the host page array it was given,
 * how many events it had logged before the last demand from the host, before the last guest access and before
 * the last step that called it, and a snapshot of everything it showed before the last call, so that a
 * refused call can be checked to have changed nothing.
 */
public final class MonitorWorld {

    /** The linear addresses a description of the monitor covers. */
    static final long DESCRIBED_LINEAR_END = 0x20000;

    final ScenarioContext context;
    Monitor monitor;
    List<Long> array;
    int eventsBefore;
    int eventsBeforeAccess;
    int eventsBeforeStep;
    private MonitorSnapshot before;

    public MonitorWorld(ScenarioContext context) {
        this.context = context;
    }

    /** Remembers what the monitor shows now, and where its log stands as a step begins. */
    void snapshot() {
        before = monitor == null ? null : observe();
        beginStep();
    }

    /** Remembers where the monitor's log stands as a step that calls it begins. */
    void beginStep() {
        eventsBeforeStep = monitor == null ? 0 : monitor.events().size();
    }

    /** The events logged since the last step that called the monitor began. */
    List<MonitorEvent> stepEvents() {
        List<MonitorEvent> all = monitor.events();
        return all.subList(Math.min(eventsBeforeStep, all.size()), all.size());
    }

    /** Checks the monitor shows what it showed at the last snapshot. */
    void expectUnchanged() {
        context.expectUnchanged("the monitor", before, observe());
    }

    /** The events logged since the last demand from the host. */
    List<MonitorEvent> recentEvents() {
        List<MonitorEvent> all = monitor.events();
        return all.subList(Math.min(eventsBefore, all.size()), all.size());
    }

    private MonitorSnapshot observe() {
        Map<Integer, Optional<Long>> hostPages = new LinkedHashMap<>();
        for (int pfn = 0; pfn < monitor.guestPages(); pfn++) {
            hostPages.put(pfn, monitor.hostPageOf(pfn));
        }
        Map<String, Optional<MonitorEntry>> entries = new LinkedHashMap<>();
        for (long linear = 0; linear < DESCRIBED_LINEAR_END; linear += 0x1000) {
            entries.put(Numbers.hex(linear), monitor.monitorEntry(linear));
        }
        return new MonitorSnapshot(
                hostPages,
                entries,
                monitor.lockedHostPages(),
                monitor.events(),
                monitor.monitorGdt(),
                monitor.monitorLdt());
    }

    /**
     * What a refused call must leave as it was in a monitor.
     *
     * @param hostPageOfGuestPage the host page behind each guest page, by guest page number
     * @param monitorEntries      the monitor's entry for each linear page below {@link #DESCRIBED_LINEAR_END}
     * @param lockedHostPages     the host pages the monitor holds locked
     * @param events              the monitor's log
     * @param monitorGdt          the monitor's copy of the guest's GDT
     * @param monitorLdt          the monitor's copy of the guest's LDT
     */
    record MonitorSnapshot(
            Map<Integer, Optional<Long>> hostPageOfGuestPage,
            Map<String, Optional<MonitorEntry>> monitorEntries,
            List<Long> lockedHostPages,
            List<MonitorEvent> events,
            List<Long> monitorGdt,
            List<Long> monitorLdt) {}
}
