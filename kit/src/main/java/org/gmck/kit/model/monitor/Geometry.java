package org.gmck.kit.model.monitor;

import java.util.List;

/**
 * The size of one monitored guest: its physical memory in pages, and the host pages the host gives the
 * monitor to serve them from, in the host's order.
 *
 * @param guestPages    the guest's physical memory in pages
 * @param hostPageArray host physical addresses, page aligned and distinct
 */
record Geometry(int guestPages, List<Long> hostPageArray) {

    Geometry {
        hostPageArray = List.copyOf(hostPageArray);
    }

    int hostPages() {
        return hostPageArray.size();
    }

    @Override
    public String toString() {
        return guestPages + " guest pages on " + MonitorGherkin.addresses(hostPageArray);
    }
}
