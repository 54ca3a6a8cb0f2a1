package org.gmck.reference.monitor;

import static org.gmck.reference.Refusals.assertRefusedUnchanged;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.gmck.reference.Refusals.Case;
import org.gmck.reference.binding.ReferenceAdapter;
import org.gmck.spi.monitor.FaultRoute;
import org.gmck.spi.monitor.Monitor;
import org.gmck.spi.monitor.MonitorFactory;
import org.gmck.spi.monitor.MonitorStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input to the reference FreeMWare monitor through the SPI. */
class MonitorBadInputTest {

    private static final long[] EXTREMES = {
        0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 52, (1L << 63) - 4096, Integer.MAX_VALUE, Integer.MIN_VALUE
    };
    private static final List<Long> HOST = List.of(0x10000L, 0x11000L);

    private static final class World {
        final MonitorFactory factory = new ReferenceAdapter().monitor();
        final Monitor monitor = factory.newMonitor(4, HOST);

        World() {
            monitor.guestMap(0x1000, 0, true, true);
            monitor.access(0x1000, true, true);
            monitor.guestMap(0x3000, 1, true, false);
            monitor.guestUnmap(0x3000);
            monitor.guestLoadGdt(List.of(0L, 0x00CF_9A00_0000_FFFFL));
        }

        Object state() {
            List<Object> s = new ArrayList<>(List.of(
                    monitor.guestPages(),
                    monitor.lockedHostPages(),
                    monitor.mappedHostPages(),
                    monitor.events(),
                    monitor.monitorEntry(0x1000),
                    monitor.monitorEntry(0x3000),
                    monitor.monitorGdt(),
                    monitor.monitorLdt()));
            for (long page = 0; page < 4; page++) {
                s.add(monitor.hostPageOf(page));
            }
            return s;
        }
    }

    interface Call {
        void on(World w);
    }

    private static Stream<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        for (long x : EXTREMES) {
            if (x < 0 || x >= 4) {
                row(
                        rows,
                        "mapping guest page " + x,
                        MonitorStatus.INVALID_GUEST_PAGE,
                        w -> w.monitor.guestMap(0x2000, x, true, true));
            }
            if ((x & 0xFFF) != 0) {
                row(
                        rows,
                        "mapping at linear " + x,
                        MonitorStatus.MISALIGNED_ADDRESS,
                        w -> w.monitor.guestMap(x, 1, true, true));
                row(rows, "unmapping at linear " + x, MonitorStatus.MISALIGNED_ADDRESS, w -> w.monitor.guestUnmap(x));
                row(
                        rows,
                        "a host page at " + x,
                        MonitorStatus.INVALID_HOST_PAGE,
                        w -> w.factory.newMonitor(4, List.of(0x10000L, x)));
            } else {
                row(rows, "unmapping the unmapped linear " + x, MonitorStatus.NOT_MAPPED, w -> w.monitor.guestUnmap(x));
                if (x != 0) {
                    row(
                            rows,
                            "a host page at " + x + ", twice",
                            MonitorStatus.INVALID_HOST_PAGE,
                            w -> w.factory.newMonitor(4, List.of(0x10000L, x, x)));
                }
            }
            if (x <= 0 && x >= Integer.MIN_VALUE) {
                row(
                        rows,
                        "a guest of " + x + " pages",
                        MonitorStatus.NO_HOST_PAGES,
                        w -> w.factory.newMonitor((int) x, HOST));
                row(
                        rows,
                        "a demand for " + x + " pages",
                        x == 0 ? null : MonitorStatus.INVALID_PRESSURE,
                        w -> w.monitor.hostMemoryPressure((int) x));
            }
        }
        rows.removeIf(r -> r[1] == null);
        row(
                rows,
                "mapping guest page 4 of 4",
                MonitorStatus.INVALID_GUEST_PAGE,
                w -> w.monitor.guestMap(0x2000, 4, true, true));
        row(
                rows,
                "mapping guest page 2^32",
                MonitorStatus.INVALID_GUEST_PAGE,
                w -> w.monitor.guestMap(0x2000, 1L << 32, true, true));
        row(
                rows,
                "remapping a mapped linear page to a page out of range",
                MonitorStatus.INVALID_GUEST_PAGE,
                w -> w.monitor.guestMap(0x1000, -1, false, false));
        row(rows, "unmapping a page unmapped before", MonitorStatus.NOT_MAPPED, w -> w.monitor.guestUnmap(0x3000));
        row(rows, "no host page array", MonitorStatus.NO_HOST_PAGES, w -> w.factory.newMonitor(4, null));
        row(rows, "an empty host page array", MonitorStatus.NO_HOST_PAGES, w -> w.factory.newMonitor(4, List.of()));
        row(
                rows,
                "a missing host page",
                MonitorStatus.INVALID_HOST_PAGE,
                w -> w.factory.newMonitor(4, Arrays.asList(0x10000L, null)));
        row(
                rows,
                "a host page given twice, apart",
                MonitorStatus.INVALID_HOST_PAGE,
                w -> w.factory.newMonitor(4, List.of(0x10000L, 0x11000L, 0x10000L)));
        row(
                rows,
                "a GDT of 8191 entries",
                MonitorStatus.TOO_MANY_DESCRIPTORS,
                w -> w.monitor.guestLoadGdt(Collections.nCopies(8191, 0L)));
        row(
                rows,
                "an LDT of 8193 entries",
                MonitorStatus.TOO_MANY_DESCRIPTORS,
                w -> w.monitor.guestLoadLdt(Collections.nCopies(8193, 0L)));
        row(rows, "no GDT", MonitorStatus.TOO_MANY_DESCRIPTORS, w -> w.monitor.guestLoadGdt(null));
        return rows.stream();
    }

    private static void row(List<Object[]> rows, String name, MonitorStatus status, Call call) {
        rows.add(new Object[] {name, status, call});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void refusedWithNothingChanged(String name, MonitorStatus status, Call call) {
        World w = new World();
        assertRefusedUnchanged(w::state, new Case(name, status, () -> call.on(w)));
    }

    @Test
    void theLargestGuestWorks() {
        Monitor monitor = new ReferenceAdapter().monitor().newMonitor(Integer.MAX_VALUE, List.of(0x10000L));
        monitor.guestMap(0x1000, Integer.MAX_VALUE - 1L, true, true);
        assertEquals(FaultRoute.HOST_FAULT, monitor.access(0x1000, false, true));
        assertEquals(Optional.of(0x10000L), monitor.hostPageOf(Integer.MAX_VALUE - 1L));
        assertEquals(Integer.MAX_VALUE, monitor.guestPages());
    }

    @Test
    void theLargestDemandGivesBackWhatIsHeld() {
        World w = new World();
        assertEquals(1, w.monitor.hostMemoryPressure(Integer.MAX_VALUE));
        assertEquals(List.of(), w.monitor.lockedHostPages());
    }
}
