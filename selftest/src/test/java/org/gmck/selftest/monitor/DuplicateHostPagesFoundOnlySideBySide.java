package org.gmck.selftest.monitor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.monitor.MonitorFactory;
import org.gmck.spi.monitor.MonitorStatus;

/**
 * Checks the host's page array for a page named twice by comparing each page with the one before it, as if
 * the host always handed its pages over sorted: the same page named twice with others between goes
 * unnoticed, and two guest pages may end up served by one host page.
 */
@Breaks("MON-BAD-1")
public final class DuplicateHostPagesFoundOnlySideBySide extends KnownBad {

    MonitorFactory monitor(MonitorFactory reference) {
        return (guestPages, hostPageArray) -> {
            for (int i = 1; i < hostPageArray.size(); i++) {
                if (hostPageArray.get(i).equals(hostPageArray.get(i - 1))) {
                    throw new RejectedException(MonitorStatus.INVALID_HOST_PAGE, "host page given twice");
                }
            }
            return reference.newMonitor(guestPages, new ArrayList<>(new LinkedHashSet<>(hostPageArray)));
        };
    }
}
