package org.gmck.spi.monitor;

import java.util.List;

/** Creates FreeMWare monitors (profile {@code monitor}). */
public interface MonitorFactory {

    /**
     * A monitor for a guest of {@code guestPages} physical pages, served from the host pages in
     * {@code hostPageArray} (host physical addresses, in whatever order the host gives them). With fewer
     * host pages than guest pages the monitor pages guest memory through the host.
     *
     * @throws org.gmck.spi.common.RejectedException {@link MonitorStatus#NO_HOST_PAGES},
     *                                        {@link MonitorStatus#INVALID_HOST_PAGE}
     */
    Monitor newMonitor(int guestPages, List<Long> hostPageArray);
}
