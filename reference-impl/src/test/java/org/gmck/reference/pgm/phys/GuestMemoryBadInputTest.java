package org.gmck.reference.pgm.phys;

import static org.gmck.reference.Refusals.assertRefusedUnchanged;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gmck.reference.Refusals.Case;
import org.gmck.reference.binding.ReferenceAdapter;
import org.gmck.spi.common.Status;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.HostBitness;
import org.gmck.spi.pgm.phys.PageType;
import org.gmck.spi.pgm.phys.PhysStatus;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input to the reference PGM guest physical memory and its factory through the SPI. */
class GuestMemoryBadInputTest {

    private static final long[] EXTREMES = {0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 52, (1L << 63) - 4096};
    private static final long MB = 1L << 20;

    private static final class World {
        final GuestMemoryFactory factory = new ReferenceAdapter().guestMemory();
        final GuestPhysicalMemory memory = factory.newGuestMemory(16);

        World() {
            memory.registerRange(PageType.RAM, 0, MB);
            memory.registerRange(PageType.MMIO, 0x100000, 0x1000);
            memory.write(0x2000, 8, 42);
        }

        Object state() {
            return List.of(
                    memory.counts(),
                    memory.privateHostPages(),
                    memory.trackingBytes(),
                    memory.page(0x2000),
                    memory.page(0),
                    memory.read(0x2000, 8));
        }
    }

    interface Call {
        void on(World w);
    }

    private static Stream<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        for (long x : EXTREMES) {
            row(
                    rows,
                    "a RAM range of " + x + " bytes past the others",
                    x == 1L << 52 ? PhysStatus.VERR_INVALID_PARAMETER : PhysStatus.VERR_INVALID_PARAMETER,
                    w -> w.memory.registerRange(PageType.RAM, 1L << 32, x));
            row(
                    rows,
                    "a RAM range at " + x,
                    x == 0 ? PhysStatus.VERR_PGM_RAM_CONFLICT : PhysStatus.VERR_INVALID_PARAMETER,
                    w -> w.memory.registerRange(PageType.RAM, x, 0x1000));
            if (x != 0) {
                row(rows, "the page at " + x, PhysStatus.VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS, w -> w.memory.page(x));
                row(
                        rows,
                        "a write at " + x,
                        PhysStatus.VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS,
                        w -> w.memory.write(x & ~7L, 8, 1));
                row(
                        rows,
                        "sharing the page at " + x,
                        PhysStatus.VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS,
                        w -> w.memory.sharePage(x & ~0xFFFL));
            }
            row(
                    rows,
                    "a read " + x + " bytes wide",
                    PhysStatus.VERR_PGM_PHYS_MISALIGNED_ACCESS,
                    w -> w.memory.read(0x2000, (int) x));
            if (x != 0) {
                row(
                        rows,
                        "a plain VM with a budget of " + x + " pages",
                        PhysStatus.VERR_INVALID_PARAMETER,
                        w -> w.factory.newGuestMemory(x));
                row(
                        rows,
                        "a shadow-paged VM with a budget of " + x + " pages",
                        PhysStatus.VERR_INVALID_PARAMETER,
                        w -> w.factory.newShadowVm(PagingMode.PAE, x));
            }
        }
        // sizes whose pages are more than the reference tracks: typed, never ArithmeticException or OutOfMemoryError
        for (int shift = 37; shift <= 51; shift++) {
            long size = 1L << shift;
            row(
                    rows,
                    "a RAM range of 2^" + shift + " bytes",
                    PhysStatus.VERR_NO_MEMORY,
                    w -> w.memory.registerRange(PageType.RAM, 1L << 51, size));
        }
        row(
                rows,
                "a RAM range of 2^42 bytes",
                PhysStatus.VERR_NO_MEMORY,
                w -> w.memory.registerRange(PageType.RAM, 1L << 42, 1L << 42));
        row(
                rows,
                "a RESERVED range of 2^52 - 2 MB bytes",
                PhysStatus.VERR_NO_MEMORY,
                w -> w.memory.registerRange(PageType.RESERVED, 2 * MB, (1L << 52) - 2 * MB));
        row(
                rows,
                "an MMIO2 range of 2^40 bytes the host cannot back",
                PhysStatus.VERR_EM_NO_MEMORY,
                w -> w.memory.registerRange(PageType.MMIO2, 1L << 40, 1L << 40));
        row(rows, "a misaligned read", PhysStatus.VERR_PGM_PHYS_MISALIGNED_ACCESS, w -> w.memory.read(0x2001, 4));
        row(rows, "a write to MMIO", PhysStatus.VERR_PGM_PHYS_PAGE_RESERVED, w -> w.memory.write(0x100000, 4, 1));
        row(
                rows,
                "a shadow-paged VM one page over the limit",
                PhysStatus.VERR_INVALID_PARAMETER,
                w -> w.factory.newShadowVm(PagingMode.PAE, GuestMemoryFactory.MAX_SHADOW_VM_HOST_PAGES + 1));
        row(
                rows,
                "a plain VM one page over 2^24",
                PhysStatus.VERR_INVALID_PARAMETER,
                w -> w.factory.newGuestMemory((1L << 24) + 1));
        for (long x : new long[] {-1, Long.MIN_VALUE, Long.MAX_VALUE, (1L << 63) - 4095}) {
            row(
                    rows,
                    "the tracking cost of " + x + " bytes",
                    PhysStatus.VERR_INVALID_PARAMETER,
                    w -> w.factory.trackingCost(x, HostBitness.BITS64));
        }
        return rows.stream();
    }

    private static void row(List<Object[]> rows, String name, Status status, Call call) {
        rows.add(new Object[] {name, status, call});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void refusedWithNothingChanged(String name, Status status, Call call) {
        World w = new World();
        assertRefusedUnchanged(w::state, new Case(name, status, () -> call.on(w)));
    }

    @Test
    void theDocumentedLimitsAreAccepted() {
        GuestMemoryFactory factory = new ReferenceAdapter().guestMemory();
        assertDoesNotThrow(() -> factory.newShadowVm(PagingMode.PAE, GuestMemoryFactory.MAX_SHADOW_VM_HOST_PAGES));
        assertDoesNotThrow(() -> factory.newGuestMemory(1L << 24));
        for (long x : new long[] {0, 1L << 52, (1L << 63) - 4096}) {
            assertDoesNotThrow(() -> factory.trackingCost(x, HostBitness.BITS32));
        }
    }
}
