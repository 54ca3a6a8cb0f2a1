package org.gmck.kit.model.monitor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gmck.spi.monitor.Monitor;
import org.gmck.spi.monitor.MonitorEntry;
import org.gmck.spi.monitor.MonitorEvent;

/**
 * Everything a monitor shows through the SPI, read once after an operation: the host page of every guest
 * page, the monitor entry of every linear page the model uses, the locked and mapped host pages, the event
 * log and both descriptor tables.
 */
record Observation(
        Map<Integer, Optional<Long>> hosts,
        Map<Long, Optional<MonitorEntry>> entries,
        List<Long> locked,
        List<Long> mapped,
        List<MonitorEvent> events,
        List<Long> gdt,
        List<Long> ldt) {

    static Observation of(Monitor monitor, int guestPages) {
        Map<Integer, Optional<Long>> hosts = new TreeMap<>();
        for (int page = 0; page < guestPages; page++) {
            hosts.put(page, monitor.hostPageOf(page));
        }
        Map<Long, Optional<MonitorEntry>> entries = new TreeMap<>();
        for (long linear : LinearPages.ALL) {
            entries.put(linear, monitor.monitorEntry(linear));
        }
        return new Observation(
                hosts,
                entries,
                List.copyOf(monitor.lockedHostPages()),
                List.copyOf(monitor.mappedHostPages()),
                List.copyOf(monitor.events()),
                List.copyOf(monitor.monitorGdt()),
                List.copyOf(monitor.monitorLdt()));
    }
}
