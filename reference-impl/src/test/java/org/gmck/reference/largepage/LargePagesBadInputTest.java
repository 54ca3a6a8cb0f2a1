package org.gmck.reference.largepage;

import static org.gmck.reference.Refusals.assertRefusedUnchanged;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gmck.reference.Refusals.Case;
import org.gmck.reference.binding.ReferenceAdapter;
import org.gmck.spi.largepage.CounterEncoding;
import org.gmck.spi.largepage.HostBacking;
import org.gmck.spi.largepage.LargePageStatus;
import org.gmck.spi.largepage.MemorySlot;
import org.gmck.spi.largepage.MmuOptions;
import org.gmck.spi.largepage.ShadowMmu;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input to the reference large-page MMU through the SPI. */
class LargePagesBadInputTest {

    private static final long[] EXTREMES = {0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 52, (1L << 63) - 4096};
    private static final long MB2 = 2L << 20;

    private static final class World {
        final ShadowMmu mmu = new ReferenceAdapter()
                .largePages()
                .newMmu(new MmuOptions(CounterEncoding.COUNT_FROM_MINUS_ONE, false, true));

        World() {
            mmu.addSlot(new MemorySlot(0, 4 * MB2, 0, HostBacking.LARGE_PAGES));
            mmu.shadowPageTable(MB2 + 0x3000);
        }

        Object state() {
            return List.of(
                    mmu.slots(),
                    mmu.writeProtected(MB2 + 0x3000),
                    mmu.counters(0),
                    mmu.entryFor(MB2).isPresent());
        }
    }

    interface Call {
        void on(World w);
    }

    private static Stream<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        for (long x : EXTREMES) {
            LargePageStatus size = x <= 0
                    ? LargePageStatus.SLOT_EMPTY
                    : x == Long.MAX_VALUE
                            ? LargePageStatus.SLOT_MISALIGNED
                            : x == 1L << 52 ? LargePageStatus.SLOT_TOO_LARGE : LargePageStatus.SLOT_OUT_OF_RANGE;
            row(
                    rows,
                    "a 4 KB-page slot of " + x + " bytes at 0",
                    x == 1L << 52 ? LargePageStatus.SLOT_OVERLAP : size,
                    w -> w.mmu.addSlot(new MemorySlot(0, x, 1L << 40, HostBacking.SMALL_PAGES)));
            if (x != 0) {
                LargePageStatus base = x == Long.MAX_VALUE || x == -1
                        ? LargePageStatus.SLOT_MISALIGNED
                        : LargePageStatus.SLOT_OUT_OF_RANGE;
                row(
                        rows,
                        "a slot at guest " + x,
                        base,
                        w -> w.mmu.addSlot(new MemorySlot(x, 4096, 1L << 40, HostBacking.SMALL_PAGES)));
                if (x != 1L << 52)
                    row(
                            rows,
                            "a slot at host " + x,
                            base == LargePageStatus.SLOT_MISALIGNED ? base : LargePageStatus.SLOT_OUT_OF_RANGE,
                            w -> w.mmu.addSlot(new MemorySlot(1L << 40, 4096, x, HostBacking.SMALL_PAGES)));
                row(rows, "shadowing at " + x, LargePageStatus.NO_SLOT, w -> w.mmu.shadowPageTable(x));
                row(rows, "the counter at " + x, LargePageStatus.NO_SLOT, w -> w.mmu.writeProtectCount(x));
                row(rows, "the counters of a slot at " + x, LargePageStatus.NO_SLOT, w -> w.mmu.counters(x));
            }
            if (x > 0 && x != Long.MAX_VALUE && x != 1L << 52) {
                row(
                        rows,
                        "guest memory of " + x + " bytes",
                        LargePageStatus.SLOT_OUT_OF_RANGE,
                        w -> w.mmu.addGuestMemory(1L << 40, x));
            }
        }
        row(
                rows,
                "a 2 MB-page slot of 2^52 - 2 MB bytes",
                LargePageStatus.SLOT_TOO_LARGE,
                w -> w.mmu.addSlot(new MemorySlot(MB2 * 8, (1L << 52) - 8 * MB2, 1L << 40, HostBacking.LARGE_PAGES)));
        row(
                rows,
                "a 4 KB-page slot of 2^51 bytes",
                LargePageStatus.SLOT_TOO_LARGE,
                w -> w.mmu.addSlot(new MemorySlot(1L << 51, 1L << 51, 1L << 40, HostBacking.SMALL_PAGES)));
        row(
                rows,
                "guest memory of 2^51 bytes",
                LargePageStatus.SLOT_TOO_LARGE,
                w -> w.mmu.addGuestMemory(1L << 51, 1L << 51));
        row(
                rows,
                "a slot whose host end passes Long.MAX_VALUE",
                LargePageStatus.SLOT_OUT_OF_RANGE,
                w -> w.mmu.addSlot(new MemorySlot(1L << 40, 2 * 4096, (1L << 63) - 4096, HostBacking.SMALL_PAGES)));
        row(rows, "unshadowing a page shadowed once twice", LargePageStatus.PAGE_NOT_SHADOWED, w -> {
            w.mmu.shadowPageTable(MB2 + 0x5000);
            w.mmu.unshadowPageTable(MB2 + 0x5000);
            w.mmu.unshadowPageTable(MB2 + 0x5000);
        });
        row(
                rows,
                "unshadowing in a frame that counts nothing",
                LargePageStatus.WRITE_PROTECT_COUNT_UNDERFLOW,
                w -> w.mmu.unshadowPageTable(2 * MB2));
        row(
                rows,
                "a misaligned large mapping",
                LargePageStatus.MISALIGNED_LARGE_MAPPING,
                w -> w.mmu.largeMappingDecision(MB2 + 4096));
        return rows.stream();
    }

    private static void row(List<Object[]> rows, String name, LargePageStatus status, Call call) {
        rows.add(new Object[] {name, status, call});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void refusedWithNothingChanged(String name, LargePageStatus status, Call call) {
        World w = new World();
        assertRefusedUnchanged(w::state, new Case(name, status, () -> call.on(w)));
    }
}
