package org.gmck.reference.pgm.shadow;

import static org.gmck.reference.Refusals.assertRefusedUnchanged;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.gmck.reference.Refusals.Case;
import org.gmck.reference.binding.ReferenceAdapter;
import org.gmck.spi.common.Status;
import org.gmck.spi.pgm.ModeStatus;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.context.ContextStatus;
import org.gmck.spi.pgm.context.IntermediateContext;
import org.gmck.spi.pgm.context.SwitcherPlacement;
import org.gmck.spi.pgm.phys.PageType;
import org.gmck.spi.pgm.phys.PhysStatus;
import org.gmck.spi.pgm.shadow.ShadowVm;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.X86PagingMode;
import org.gmck.spi.x86.X86Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input to the reference shadow-paged VM and intermediate context through the SPI. */
class ContextsBadInputTest {

    private static final long[] EXTREMES = {
        0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 52, (1L << 63) - 4096, Integer.MAX_VALUE, Integer.MIN_VALUE
    };
    private static final long PAGE = 0x1000;
    private static final long GB4 = 1L << 32;
    private static final SwitcherPlacement SWITCHER = new SwitcherPlacement(0x10_0000, 0x2000_0000, 0xA000_0000L, 2);
    private static final long P_RW_US = 7;

    private static final class World {
        final GuestMemoryFactory factory = new ReferenceAdapter().guestMemory();
        final IntermediateContext context = factory.newIntermediateContext(SWITCHER);
        final ShadowVm vm = factory.newShadowVm(PagingMode.PAE, 64);

        World() {
            context.mapGuestContext("gc", 0xB000_0000L, 4 * PAGE, 0x20_0000);
            vm.memory().registerRange(PageType.RAM, 0, 1L << 20);
            vm.memory().write(0x1000, 4, 0x2000 | P_RW_US);
            vm.memory().write(0x2004, 4, 0x5000 | P_RW_US);
            vm.loadControlRegisters(ControlRegisters.forMode(X86PagingMode.BITS32, 0x1000));
            vm.access(0x1000, AccessKind.WRITE, Privilege.USER, 4, 42);
        }

        Object state() {
            List<Object> s = new ArrayList<>(List.of(
                    context.guestContextAddress("gc"),
                    context.guestContextAddress("new"),
                    context.tablePages(),
                    vm.guestMode(),
                    vm.shadowMode(),
                    vm.shadowTranslation(0x1000),
                    vm.guestPagingStructurePages(),
                    vm.memory().counts(),
                    vm.memory().read(0x5000, 4)));
            for (PagingMode mode : context.modes()) {
                for (long linear : new long[] {0, 0x10_0000, 0x2000_0000, 0xA000_0000L, 0xB000_0000L, 0xB000_3000L}) {
                    s.add(context.translate(mode, linear));
                }
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
            ContextStatus where = !aligned ? ContextStatus.VERR_INVALID_PARAMETER : ContextStatus.VERR_OUT_OF_RANGE;
            if (x != 0) {
                row(
                        rows,
                        "a guest-context mapping at " + x,
                        where,
                        w -> w.context.mapGuestContext("new", x, PAGE, 0x30_0000));
                row(
                        rows,
                        "relocating a guest-context mapping to " + x,
                        where,
                        w -> w.context.relocateGuestContext("gc", x));
                row(
                        rows,
                        "a guest-context mapping from physical " + x,
                        x < 0 || !aligned ? ContextStatus.VERR_INVALID_PARAMETER : null,
                        w -> w.context.mapGuestContext("new", 0xC000_0000L, PAGE, x));
                row(
                        rows,
                        "switcher code at " + x,
                        !aligned ? ContextStatus.VERR_INVALID_PARAMETER : ContextStatus.VERR_OUT_OF_RANGE,
                        w -> w.factory.newIntermediateContext(new SwitcherPlacement(x, 0x2000_0000, 0xA000_0000L, 2)));
            }
            row(
                    rows,
                    "a guest-context mapping of " + x + " bytes",
                    x <= 0 || !aligned ? ContextStatus.VERR_INVALID_PARAMETER : ContextStatus.VERR_OUT_OF_RANGE,
                    w -> w.context.mapGuestContext("new", 0xC000_0000L, x, 0x30_0000));
            if (x < 0 || x > GuestMemoryFactory.MAX_SHADOW_VM_HOST_PAGES) {
                row(
                        rows,
                        "a shadow-paged VM with a budget of " + x + " pages",
                        PhysStatus.VERR_INVALID_PARAMETER,
                        w -> w.factory.newShadowVm(PagingMode.PAE, x));
            }
            if (x != 1 && x != 2 && x != 4 && x != 8 && x == (int) x) {
                row(
                        rows,
                        "a guest access " + x + " bytes wide",
                        PhysStatus.VERR_PGM_PHYS_MISALIGNED_ACCESS,
                        w -> w.vm.access(0x1000, AccessKind.READ, Privilege.USER, (int) x, 0));
            }
            if (x >>> 32 != 0 && (x & 7) == 0) {
                row(
                        rows,
                        "a 32-bit guest access at " + x,
                        X86Status.LINEAR_ADDRESS_TOO_WIDE,
                        w -> w.vm.access(x, AccessKind.WRITE, Privilege.USER, 8, -1));
            }
            if (x > 0 && x <= Integer.MAX_VALUE) {
                row(
                        rows,
                        "a switcher of " + x + " pages",
                        ContextStatus.VERR_OUT_OF_RANGE,
                        w -> w.factory.newIntermediateContext(
                                new SwitcherPlacement(0x10_0000, 0x2000_0000, 0xA000_0000L, (int) x)));
            } else if (x <= 0 && x >= Integer.MIN_VALUE) {
                row(
                        rows,
                        "a switcher of " + x + " pages",
                        ContextStatus.VERR_INVALID_PARAMETER,
                        w -> w.factory.newIntermediateContext(
                                new SwitcherPlacement(0x10_0000, 0x2000_0000, 0xA000_0000L, (int) x)));
            }
        }
        rows.removeIf(r -> r[1] == null);
        rows.removeIf(r -> r[0].equals("a switcher of 1 pages"));
        row(
                rows,
                "switcher code across 4 GB",
                ContextStatus.VERR_OUT_OF_RANGE,
                w -> w.factory.newIntermediateContext(new SwitcherPlacement(GB4 - PAGE, 0x2000_0000, 0xA000_0000L, 2)));
        row(
                rows,
                "a switcher host mapping wrapping past 2^64",
                ContextStatus.VERR_OUT_OF_RANGE,
                w -> w.factory.newIntermediateContext(new SwitcherPlacement(0x10_0000, -PAGE, 0xA000_0000L, 2)));
        row(
                rows,
                "a switcher host mapping at a non-canonical address",
                ContextStatus.VERR_OUT_OF_RANGE,
                w -> w.factory.newIntermediateContext(new SwitcherPlacement(0x10_0000, 1L << 52, 0xA000_0000L, 2)));
        row(
                rows,
                "a switcher hypervisor mapping wrapping past 2^64",
                ContextStatus.VERR_OUT_OF_RANGE,
                w -> w.factory.newIntermediateContext(new SwitcherPlacement(0x10_0000, 0x2000_0000, -PAGE, 2)));
        row(
                rows,
                "a switcher hypervisor mapping over its host mapping",
                ContextStatus.VERR_PGM_MAPPING_CONFLICT,
                w -> w.factory.newIntermediateContext(new SwitcherPlacement(0x10_0000, 0x2000_0000, 0x2000_1000, 2)));
        row(
                rows,
                "a guest-context mapping ending a page past 4 GB",
                ContextStatus.VERR_OUT_OF_RANGE,
                w -> w.context.mapGuestContext("new", GB4 - PAGE, PAGE * 2, 0x30_0000));
        row(
                rows,
                "a guest-context mapping over the switcher",
                ContextStatus.VERR_PGM_MAPPING_CONFLICT,
                w -> w.context.mapGuestContext("new", 0x9FFF_F000L, PAGE * 2, 0x30_0000));
        row(
                rows,
                "a guest-context mapping with a taken name",
                ContextStatus.VERR_ALREADY_EXISTS,
                w -> w.context.mapGuestContext("gc", 0xC000_0000L, PAGE, 0x30_0000));
        row(
                rows,
                "a guest-context mapping without name",
                ContextStatus.VERR_INVALID_PARAMETER,
                w -> w.context.mapGuestContext(null, 0xC000_0000L, PAGE, 0x30_0000));
        row(
                rows,
                "a guest-context mapping with an empty name",
                ContextStatus.VERR_INVALID_PARAMETER,
                w -> w.context.mapGuestContext("", 0xC000_0000L, PAGE, 0x30_0000));
        row(
                rows,
                "relocating an unknown mapping",
                ContextStatus.VERR_NOT_FOUND,
                w -> w.context.relocateGuestContext("new", 0xC000_0000L));
        row(
                rows,
                "relocating a mapping without name",
                ContextStatus.VERR_NOT_FOUND,
                w -> w.context.relocateGuestContext(null, 0xC000_0000L));
        row(
                rows,
                "relocating a mapping onto the switcher",
                ContextStatus.VERR_PGM_MAPPING_CONFLICT,
                w -> w.context.relocateGuestContext("gc", 0x2000_1000));
        row(
                rows,
                "relocating a mapping to end past 4 GB",
                ContextStatus.VERR_OUT_OF_RANGE,
                w -> w.context.relocateGuestContext("gc", GB4 - PAGE));
        for (PagingMode mode : new PagingMode[] {null, PagingMode.INVALID}) {
            row(
                    rows,
                    "a world switch from " + mode,
                    ContextStatus.VERR_INVALID_PARAMETER,
                    w -> w.context.pagingOffAddress(mode, PagingMode.PAE));
            row(
                    rows,
                    "a world switch to " + mode,
                    ContextStatus.VERR_INVALID_PARAMETER,
                    w -> w.context.pagingOffAddress(PagingMode.PAE, mode));
            row(
                    rows,
                    "a shadow-paged VM on host " + mode,
                    ModeStatus.INVALID_MODE,
                    w -> w.factory.newShadowVm(mode, 64));
        }
        row(
                rows,
                "a guest access without kind",
                X86Status.INVALID_ACCESS,
                w -> w.vm.access(0x1000, null, Privilege.USER, 4, 0));
        row(
                rows,
                "a guest access without privilege",
                X86Status.INVALID_ACCESS,
                w -> w.vm.access(0x1000, AccessKind.READ, null, 4, 0));
        row(
                rows,
                "a misaligned guest access",
                PhysStatus.VERR_PGM_PHYS_MISALIGNED_ACCESS,
                w -> w.vm.access(0x1002, AccessKind.READ, Privilege.USER, 4, 0));
        row(
                rows,
                "a guest access at 4 GB",
                X86Status.LINEAR_ADDRESS_TOO_WIDE,
                w -> w.vm.access(GB4, AccessKind.READ, Privilege.USER, 1, 0));
        row(
                rows,
                "guest registers of no value",
                ModeStatus.INCONSISTENT_CONTROL_REGISTERS,
                w -> w.vm.loadControlRegisters(null));
        row(
                rows,
                "a guest CR3 past RAM",
                PhysStatus.VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS,
                w -> w.vm.loadControlRegisters(ControlRegisters.forMode(X86PagingMode.BITS32, 0x8000_0000L)));
        row(
                rows,
                "a guest CR3 of 4 GB outside long mode",
                ModeStatus.INCONSISTENT_CONTROL_REGISTERS,
                w -> w.vm.loadControlRegisters(ControlRegisters.forMode(X86PagingMode.PAE, GB4)));
        row(
                rows,
                "guest paging without protection",
                ModeStatus.INCONSISTENT_CONTROL_REGISTERS,
                w -> w.vm.loadControlRegisters(new ControlRegisters(ControlRegisters.CR0_PG, 0x1000, 0, 0)));
        return rows.stream();
    }

    private static void row(List<Object[]> rows, String name, Status status, Call call) {
        rows.add(new Object[] {name, status, call});
    }

    @Test
    void addressesTheShadowCannotHoldAliasNothing() {
        for (long x : new long[] {1L << 32 | 0x1000, -1L << 32 | 0x1000, Long.MIN_VALUE | 0x1000, 1L << 52 | 0x1000}) {
            World w = new World();
            Object before = w.state();
            assertEquals(Optional.empty(), w.vm.shadowTranslation(x), Long.toHexString(x));
            w.vm.invalidatePage(x);
            assertEquals(before, w.state(), Long.toHexString(x));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void refusedWithNothingChanged(String name, Status status, Call call) {
        World w = new World();
        assertRefusedUnchanged(w::state, new Case(name, status, () -> call.on(w)));
    }
}
