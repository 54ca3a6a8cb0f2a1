package org.gmck.kit.steps.monitor;

import java.util.List;
import org.gmck.kit.ScenarioContext;
import org.gmck.spi.monitor.Monitor;
import org.gmck.spi.monitor.MonitorEvent;

/**
 * What the monitor steps of one scenario share: the monitor under test, the host page array it was given,
 * how many events it had logged before the last demand from the host, before the last guest access and before
 * the last step that called it, and a description of everything it showed before the last call, so that a
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
    private String before;

    public MonitorWorld(ScenarioContext context) {
        this.context = context;
    }

    /** Remembers what the monitor shows now, and where its log stands as a step begins. */
    void snapshot() {
        before = monitor == null ? null : describe();
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
        context.expectEqual("the monitor after the refused call", before, describe());
    }

    /** The events logged since the last demand from the host. */
    List<MonitorEvent> recentEvents() {
        List<MonitorEvent> all = monitor.events();
        return all.subList(Math.min(eventsBefore, all.size()), all.size());
    }

    private String describe() {
        StringBuilder text = new StringBuilder();
        for (int pfn = 0; pfn < monitor.guestPages(); pfn++) {
            text.append(monitor.hostPageOf(pfn)).append(' ');
        }
        for (long linear = 0; linear < DESCRIBED_LINEAR_END; linear += 0x1000) {
            text.append(monitor.monitorEntry(linear)).append(' ');
        }
        return text.append(monitor.lockedHostPages())
                .append(monitor.events())
                .append(monitor.monitorGdt())
                .append(monitor.monitorLdt())
                .toString();
    }
}
