package org.gmck.reference.pgm.handler;

import static org.gmck.reference.Refusals.assertRefusedUnchanged;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gmck.reference.Refusals.Case;
import org.gmck.reference.binding.ReferenceAdapter;
import org.gmck.spi.common.Status;
import org.gmck.spi.pgm.ModeStatus;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.handler.AccessHandlerFactory;
import org.gmck.spi.pgm.handler.HandledVm;
import org.gmck.spi.pgm.handler.HandlerStatus;
import org.gmck.spi.pgm.handler.PhysHandlerKind;
import org.gmck.spi.pgm.handler.VirtHandlerKind;
import org.gmck.spi.pgm.phys.PageType;
import org.gmck.spi.pgm.phys.PhysStatus;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input to the reference access handlers through the SPI. */
class AccessHandlersBadInputTest {

    private static final long[] EXTREMES = {
        0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 52, (1L << 63) - 4096, Integer.MAX_VALUE, Integer.MIN_VALUE
    };
    private static final long MB = 1L << 20;
    private static final long PAGE = 0x1000;

    private static final class World {
        final AccessHandlerFactory factory = new ReferenceAdapter().accessHandlers();
        final HandledVm vm = factory.newVm(PagingMode.PAE, 64);
        final int phys;
        final int virt;
        final int hyper;
        final int gone;

        World() {
            vm.memory().registerRange(PageType.RAM, 0, MB);
            vm.memory().registerRange(PageType.RAM, 2 * MB, MB);
            phys = vm.registerPhysical(PhysHandlerKind.WRITE, 0x4000, 0x5FFF);
            virt = vm.registerVirtual(VirtHandlerKind.WRITE, 0x40_0000, 0x40_1FFF);
            hyper = vm.registerVirtual(VirtHandlerKind.HYPERVISOR, 0x80_0000, 0x80_0FFF);
            gone = vm.registerPhysical(PhysHandlerKind.ALL, 0x8000, 0x8FFF);
            vm.deregister(gone);
        }

        Object state() {
            List<Object> s = new ArrayList<>(List.of(
                    vm.fullResyncPending(),
                    vm.cachedPhysical(virt, 0x40_0000),
                    vm.calls(phys),
                    vm.calls(virt),
                    vm.calls(hyper),
                    vm.calls(gone),
                    vm.memory().counts()));
            for (long page : new long[] {0, 0x3000, 0x4000, 0x5000, 0x6000, 0x8000, MB - PAGE, 2 * MB, 3 * MB - PAGE}) {
                s.add(vm.memory().page(page));
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
            boolean aligned = (x & (PAGE - 1)) == 0;
            if (aligned && x != 0) {
                row(
                        rows,
                        "a physical handler over the page at " + x,
                        HandlerStatus.VERR_PGM_HANDLER_PHYSICAL_NO_RAM_RANGE,
                        w -> w.vm.registerPhysical(PhysHandlerKind.WRITE, x, x + PAGE - 1));
            }
            if (aligned) {
                row(
                        rows,
                        "a physical handler from " + x + " to the top",
                        HandlerStatus.VERR_PGM_HANDLER_PHYSICAL_NO_RAM_RANGE,
                        w -> w.vm.registerPhysical(PhysHandlerKind.ALL, x, -1));
                row(
                        rows,
                        "a virtual handler from " + x + " to the top",
                        HandlerStatus.VERR_INVALID_PARAMETER,
                        w -> w.vm.registerVirtual(VirtHandlerKind.ALL, x, -1));
            } else {
                row(
                        rows,
                        "a physical handler from " + x,
                        HandlerStatus.VERR_INVALID_PARAMETER,
                        w -> w.vm.registerPhysical(PhysHandlerKind.WRITE, x, x + PAGE - 1));
                row(
                        rows,
                        "a virtual handler from " + x,
                        HandlerStatus.VERR_INVALID_PARAMETER,
                        w -> w.vm.registerVirtual(VirtHandlerKind.WRITE, x, x + PAGE - 1));
            }
            if (x != 0 && x != 1L << 52) {
                row(
                        rows,
                        "a physical handler ending at " + x,
                        (x & (PAGE - 1)) == PAGE - 1
                                ? HandlerStatus.VERR_PGM_HANDLER_PHYSICAL_NO_RAM_RANGE
                                : HandlerStatus.VERR_INVALID_PARAMETER,
                        w -> w.vm.registerPhysical(PhysHandlerKind.WRITE, 0x10000, x));
            }
            if (x <= 0 || x > Integer.MAX_VALUE - 1) {
                row(
                        rows,
                        "deregistering handler " + x,
                        HandlerStatus.VERR_PGM_HANDLER_NOT_FOUND,
                        w -> w.vm.deregister((int) x));
                row(
                        rows,
                        "the calls of handler " + x,
                        HandlerStatus.VERR_PGM_HANDLER_NOT_FOUND,
                        w -> w.vm.calls((int) x));
                row(
                        rows,
                        "the cache of handler " + x,
                        HandlerStatus.VERR_PGM_HANDLER_NOT_FOUND,
                        w -> w.vm.cachedPhysical((int) x, 0x40_0000));
            }
            row(rows, "the cache at " + x, HandlerStatus.VERR_INVALID_PARAMETER, w -> w.vm.cachedPhysical(w.virt, x));
            if (x < 0 || x > GuestMemoryFactory.MAX_SHADOW_VM_HOST_PAGES) {
                row(
                        rows,
                        "a VM with a budget of " + x + " pages",
                        PhysStatus.VERR_INVALID_PARAMETER,
                        w -> w.factory.newVm(PagingMode.PAE, x));
            }
        }
        row(
                rows,
                "a physical handler over 2^31 pages",
                HandlerStatus.VERR_PGM_HANDLER_PHYSICAL_NO_RAM_RANGE,
                w -> w.vm.registerPhysical(PhysHandlerKind.WRITE, 0, (1L << 43) - 1));
        row(
                rows,
                "a physical handler over 2^32 pages",
                HandlerStatus.VERR_PGM_HANDLER_PHYSICAL_NO_RAM_RANGE,
                w -> w.vm.registerPhysical(PhysHandlerKind.WRITE, 0, (1L << 44) - 1));
        row(
                rows,
                "a physical handler over the whole address space",
                HandlerStatus.VERR_PGM_HANDLER_PHYSICAL_NO_RAM_RANGE,
                w -> w.vm.registerPhysical(PhysHandlerKind.WRITE, 0, -1));
        row(
                rows,
                "a physical handler across the gap between ranges",
                HandlerStatus.VERR_PGM_HANDLER_PHYSICAL_NO_RAM_RANGE,
                w -> w.vm.registerPhysical(PhysHandlerKind.WRITE, MB - PAGE, 2 * MB + PAGE - 1));
        row(
                rows,
                "a reversed physical range",
                HandlerStatus.VERR_INVALID_PARAMETER,
                w -> w.vm.registerPhysical(PhysHandlerKind.WRITE, 0x2000, 0x0FFF));
        row(
                rows,
                "an empty physical range",
                HandlerStatus.VERR_INVALID_PARAMETER,
                w -> w.vm.registerPhysical(PhysHandlerKind.WRITE, 0x2000, 0x1FFF));
        row(
                rows,
                "a physical range wrapping past 2^64",
                HandlerStatus.VERR_INVALID_PARAMETER,
                w -> w.vm.registerPhysical(PhysHandlerKind.WRITE, -PAGE, PAGE - 1));
        row(
                rows,
                "a physical handler without kind",
                HandlerStatus.VERR_INVALID_PARAMETER,
                w -> w.vm.registerPhysical(null, 0x10000, 0x10FFF));
        row(
                rows,
                "a physical handler overlapping another",
                HandlerStatus.VERR_PGM_HANDLER_PHYSICAL_CONFLICT,
                w -> w.vm.registerPhysical(PhysHandlerKind.ALL, 0x5000, 0x6FFF));
        row(
                rows,
                "a virtual range wrapping past 2^64",
                HandlerStatus.VERR_INVALID_PARAMETER,
                w -> w.vm.registerVirtual(VirtHandlerKind.WRITE, -PAGE, PAGE - 1));
        row(
                rows,
                "a virtual range across the canonical hole",
                HandlerStatus.VERR_INVALID_PARAMETER,
                w -> w.vm.registerVirtual(VirtHandlerKind.WRITE, (1L << 47) - PAGE, (1L << 47) + PAGE - 1));
        row(
                rows,
                "a virtual range of 2^16 + 1 pages",
                HandlerStatus.VERR_INVALID_PARAMETER,
                w -> w.vm.registerVirtual(VirtHandlerKind.WRITE, 1L << 32, (1L << 32) + (1L << 28) + PAGE - 1));
        row(
                rows,
                "an empty virtual range",
                HandlerStatus.VERR_INVALID_PARAMETER,
                w -> w.vm.registerVirtual(VirtHandlerKind.WRITE, 0x2000, 0x1FFF));
        row(
                rows,
                "a virtual handler without kind",
                HandlerStatus.VERR_INVALID_PARAMETER,
                w -> w.vm.registerVirtual(null, 0x10000, 0x10FFF));
        row(
                rows,
                "a virtual handler over a hypervisor one",
                HandlerStatus.VERR_PGM_HANDLER_VIRTUAL_CONFLICT,
                w -> w.vm.registerVirtual(VirtHandlerKind.ALL, 0x7F_F000, 0x80_0FFF));
        row(
                rows,
                "deregistering a physical handler twice",
                HandlerStatus.VERR_PGM_HANDLER_NOT_FOUND,
                w -> w.vm.deregister(w.gone));
        row(rows, "deregistering a virtual handler twice", HandlerStatus.VERR_PGM_HANDLER_NOT_FOUND, w -> {
            int id = w.vm.registerVirtual(VirtHandlerKind.HYPERVISOR, 0x90_0000, 0x90_0FFF);
            w.vm.deregister(id);
            w.vm.deregister(id);
        });
        row(
                rows,
                "the cache of a hypervisor handler",
                HandlerStatus.VERR_PGM_HANDLER_NOT_FOUND,
                w -> w.vm.cachedPhysical(w.hyper, 0x80_0000));
        row(
                rows,
                "the cache of a physical handler",
                HandlerStatus.VERR_PGM_HANDLER_NOT_FOUND,
                w -> w.vm.cachedPhysical(w.phys, 0x4000));
        row(
                rows,
                "the cache just past the range",
                HandlerStatus.VERR_INVALID_PARAMETER,
                w -> w.vm.cachedPhysical(w.virt, 0x40_2000));
        row(rows, "a VM on no host mode", ModeStatus.INVALID_MODE, w -> w.factory.newVm(null, 64));
        row(
                rows,
                "a VM on the invalid host mode",
                ModeStatus.INVALID_MODE,
                w -> w.factory.newVm(PagingMode.INVALID, 64));
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
}
