package org.gmck.spi.pgm.shadow;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one guest access run on the shadow tables.
 *
 * @param actions   what the monitor's fault handler did, in order; empty when the access ran straight on
 *                  the shadow tables
 * @param value     the value read (0 for a write, or when the fault was reflected)
 * @param reflected the fault handed to the guest, if any
 */
public record GuestAccessResult(List<MonitorAction> actions, long value, Optional<ReflectedFault> reflected) {
    public GuestAccessResult {
        actions = List.copyOf(actions);
    }
}
