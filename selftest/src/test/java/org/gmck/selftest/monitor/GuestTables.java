package org.gmck.selftest.monitor;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the guest's own page tables say, as a fault needs to know it: linear page to guest page and rights,
 * updated after each guest page-table write the monitor accepted.
 */
final class GuestTables {

    /** One guest page-table entry. */
    record Mapping(long guestPage, boolean writable, boolean user) {

        boolean allows(boolean write, boolean asUser) {
            return (!write || writable) && (!asUser || user);
        }
    }

    private final Map<Long, Mapping> entries = new TreeMap<>();

    void map(long linear, long guestPage, boolean writable, boolean user) {
        entries.put(linear, new Mapping(guestPage, writable, user));
    }

    void unmap(long linear) {
        entries.remove(linear);
    }

    Optional<Mapping> at(long linear) {
        return Optional.ofNullable(entries.get(linear & ~0xFFFL));
    }

    /** The linear pages the guest maps, ascending. */
    Map<Long, Mapping> all() {
        return entries;
    }
}
