package org.gmck.reference.monitor;

import java.util.List;
import org.gmck.spi.monitor.Monitor;
import org.gmck.spi.monitor.MonitorFactory;

/** Creates FreeMWare monitors. */
public final class FreeMwareMonitorFactory implements MonitorFactory {

    @Override
    public Monitor newMonitor(int guestPages, List<Long> hostPageArray) {
        return new FreeMwareMonitor(guestPages, hostPageArray);
    }
}
